import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  PAYMENT_EVENT_OUTCOMES,
  PAYMENT_EVENT_SOURCES,
  PAYMENT_STATUSES,
  type PaymentEventOutcome,
  type PaymentEventSource,
  type PaymentStatus,
} from '@pishop/shared';
import { Order } from '../orders';

/**
 * One attempt to pay an order with Pi. Checkout creates it with the pricing snapshot; the
 * Pi payment id is linked when Pi's approve callback arrives.
 */
// The dashboard's "needs attention" counts (GET /admin/stats) and the admin list's status filter
// with its date sort share (status, createdAt); the unfiltered list sorts on createdAt.
@Index('IDX_payments_status_created', ['status', 'createdAt'])
@Index('IDX_payments_failed_at', ['failedAt'])
@Index('IDX_payments_created', ['createdAt'])
@Entity('payments')
export class Payment {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_payments_order')
  @Column({ type: 'int' })
  orderId!: number;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'orderId' })
  order?: Order;

  /** The order's number (it never changes): receipts, the audit trail and admin search read it here. */
  @Index('IDX_payments_order_number')
  @Column({ type: 'varchar', length: 32 })
  orderNumber!: string;

  @Index('UQ_payments_pi_payment_id', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  piPaymentId!: string | null;

  @Index('UQ_payments_txid', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  txid!: string | null;

  @Index('IDX_payments_status')
  @Column({ type: 'simple-enum', enum: PAYMENT_STATUSES, default: 'pending' })
  status!: PaymentStatus;

  // The pricing snapshot taken at checkout: every later check compares against these.
  @Column({ type: 'int' })
  priceEurCents!: number;

  @Column({ type: 'varchar', length: 40 })
  eurPerPi!: string;

  @Column({ type: 'varchar', length: 40 })
  amountPi!: string;

  /** The payer's Pi uid, as Pi reported it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  piUserUid!: string | null;

  /** The app wallet the transaction paid, as Pi reported it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  toAddress!: string | null;

  /** Needs an admin: e.g. a second payment for an order that was already paid. */
  @Index('IDX_payments_flagged')
  @Column({ type: 'boolean', default: false })
  flagged!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  flagReason!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  failedAt!: Date | null;

  /** Last time the payment was read from Pi (callbacks, sync, reconciler). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastCheckedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/** The audit trail: every callback, webhook, sync and admin change, refused ones included. */
@Index('IDX_payment_events_outcome_created', ['outcome', 'createdAt'])
@Entity('payment_events')
export class PaymentEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_payment_events_payment')
  @Column({ type: 'int', nullable: true })
  paymentId!: number | null;

  @ManyToOne(() => Payment, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'paymentId' })
  payment?: Payment | null;

  @Index('IDX_payment_events_pi_payment')
  @Column({ type: 'varchar', length: 100, nullable: true })
  piPaymentId!: string | null;

  @Column({ type: 'simple-enum', enum: PAYMENT_EVENT_SOURCES })
  source!: PaymentEventSource;

  @Column({ type: 'simple-enum', enum: PAYMENT_EVENT_OUTCOMES })
  outcome!: PaymentEventOutcome;

  @Column({ type: 'varchar', length: 1000 })
  message!: string;

  /** Machine-readable reason (the error code) for refusals and errors. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  statusBefore!: PaymentStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  statusAfter!: PaymentStatus | null;

  /** The signed-in caller or admin who caused it (null for jobs and webhooks). */
  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  /** What arrived (callback body, webhook body, Pi's payment as read). */
  @Column({ type: 'json', nullable: true })
  rawPayload!: unknown;

  @CreateDateColumn()
  createdAt!: Date;
}
