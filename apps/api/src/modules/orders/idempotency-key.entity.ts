import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts';

export const IDEMPOTENCY_STATES = ['in_progress', 'completed'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/** A client's `Idempotency-Key` for one operation: the request it named and the first answer. */
@Entity('idempotency_keys')
@Index('UQ_idempotency_keys_user_scope_key', ['userId', 'scope', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** The operation, e.g. `POST /orders/checkout`. */
  @Column({ type: 'varchar', length: 100 })
  scope!: string;

  @Column({ type: 'varchar', length: 255 })
  key!: string;

  /** sha256 of the canonical request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'simple-enum', enum: IDEMPOTENCY_STATES, default: 'in_progress' })
  state!: IdempotencyState;

  @Column({ type: 'int', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'json', nullable: true })
  responseBody!: unknown;

  /** When the in-flight request took the key (a crashed one is taken over after a while). */
  @Column({ type: 'datetime', precision: 3 })
  lockedAt!: Date;

  @Index('IDX_idempotency_keys_expires')
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @CreateDateColumn()
  createdAt!: Date;
}
