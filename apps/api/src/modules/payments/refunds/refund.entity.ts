import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  PAYMENT_EVENT_OUTCOMES,
  REFUND_EVENT_SOURCES,
  REFUND_STATUSES,
  type PaymentEventOutcome,
  type RefundEventSource,
  type RefundStatus,
} from '@pishop/shared';
import { Payment } from '../payment.entity';

/**
 * π sent back to the payer of a confirmed payment: one App-to-User payment with Pi and one
 * ledger transaction signed with the app wallet's seed. The request's Idempotency-Key (per
 * admin) is bound to it for good, so one request never makes two refunds.
 */
@Entity('refunds')
@Index('UQ_refunds_idempotency', ['requestedBy', 'idempotencyKey'], { unique: true })
export class Refund {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_refunds_payment')
  @Column({ type: 'int' })
  paymentId!: number;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paymentId' })
  payment?: Payment;

  @Index('IDX_refunds_order')
  @Column({ type: 'int' })
  orderId!: number;

  @Column({ type: 'varchar', length: 32 })
  orderNumber!: string;

  /** Ours alone (a UUID), written into the A2U payment's metadata: how Pi's incomplete payments are matched after a crash. */
  @Index('UQ_refunds_reference', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  reference!: string;

  @Index('IDX_refunds_status')
  @Column({ type: 'simple-enum', enum: REFUND_STATUSES, default: 'pending' })
  status!: RefundStatus;

  /** π, decimal string with at most 7 decimals. */
  @Column({ type: 'varchar', length: 40 })
  amountPi!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  /** The payer's Pi uid (the A2U payment's `uid`). */
  @Index('IDX_refunds_recipient')
  @Column({ type: 'varchar', length: 100 })
  recipientUid!: string;

  /** The Pioneer's wallet, as Pi named it in the A2U payment's `to_address`. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  recipientAddress!: string | null;

  /** The A2U payment with Pi (its identifier is also the transaction's memo). */
  @Index('UQ_refunds_pi_payment_id', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  piPaymentId!: string | null;

  /** The signed transaction's hash: recorded before it is sent, so a crash never signs a second one that could also land. */
  @Index('UQ_refunds_txid', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  txid!: string | null;

  /** The signed envelope (base64 XDR; holds signatures, never the seed), resubmitted as is after a crash. */
  @Column({ type: 'text', nullable: true })
  envelopeXdr!: string | null;

  /** The envelope's upper time bound (ledger clock): after it the envelope can never land, and a new one may be signed. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  validUntil!: Date | null;

  /** The admin who asked for it; with `idempotencyKey`, unique. */
  @Column({ type: 'int' })
  requestedBy!: number;

  @Column({ type: 'varchar', length: 255 })
  idempotencyKey!: string;

  /** SHA-256 of the request (payment, amount, reason): the same key with another request is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  /** Why the last attempt stopped short (Pi or the ledger down, ...); cleared once a step goes through. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  lastErrorCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastErrorMessage!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  failedAt!: Date | null;

  /** Last time a step was tried (request, reconciler, start). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastCheckedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/** A refund's audit trail: each request, reconciler run and start-up resume, with what it changed or why not. */
@Entity('refund_events')
export class RefundEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_refund_events_refund')
  @Column({ type: 'int' })
  refundId!: number;

  @ManyToOne(() => Refund, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'refundId' })
  refund?: Refund;

  @Index('IDX_refund_events_payment')
  @Column({ type: 'int' })
  paymentId!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  piPaymentId!: string | null;

  @Column({ type: 'simple-enum', enum: REFUND_EVENT_SOURCES })
  source!: RefundEventSource;

  @Column({ type: 'simple-enum', enum: PAYMENT_EVENT_OUTCOMES })
  outcome!: PaymentEventOutcome;

  @Column({ type: 'varchar', length: 1000 })
  message!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  statusBefore!: RefundStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  statusAfter!: RefundStatus | null;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  /** What Pi or the ledger answered (never the seed: only public data is recorded). */
  @Column({ type: 'json', nullable: true })
  rawPayload!: unknown;

  @CreateDateColumn()
  createdAt!: Date;
}
