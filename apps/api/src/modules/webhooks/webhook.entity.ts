import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WEBHOOK_DELIVERY_STATUSES, type DomainEventType, type WebhookDeliveryStatus } from '@pishop/shared';

/** A partner's URL that receives the events it subscribed to, signed with its secret. */
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'json' })
  events!: DomainEventType[];

  /** Signs deliveries (HMAC-SHA256); shown only when the endpoint is created. */
  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn()
  createdAt!: Date;
}

/**
 * One event for one endpoint: the outbox row, written in the transaction that made the
 * change, sent after commit by the worker, retried with exponential backoff for a day.
 */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_due', ['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_webhook_deliveries_endpoint')
  @Column({ type: 'int' })
  endpointId!: number;

  /** The event's id, the same for every endpoint, retry and resend (receivers de-duplicate on it). */
  @Index('IDX_webhook_deliveries_event')
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: DomainEventType;

  /** The exact JSON body sent (`{id, type, createdAt, data}`): signed as is, byte for byte, on every attempt. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'simple-enum', enum: WEBHOOK_DELIVERY_STATUSES, default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** When the next attempt is due (null once succeeded or failed). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  /** A worker holds the delivery until then while it sends (several instances never send it twice at once). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliveredAt!: Date | null;

  /** When the delivery was queued (the worker's clock); retries stop a day after it. */
  @Column({ type: 'datetime', precision: 3 })
  queuedAt!: Date;
}
