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
import { MESSAGE_KINDS, ORDER_STATUSES, type MessageKind, type OrderStatus } from '@pishop/shared';
import { User } from '../accounts';

/**
 * The conversation about one order (exactly one per order). The inbox sits below orders in
 * the module graph, so a thread carries what it shows of its order (number, status), kept
 * up to date by the orders module through `InboxService.setOrderStatus`, and never reads
 * the orders table.
 */
@Entity('threads')
export class Thread {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('UQ_threads_order', { unique: true })
  @Column({ type: 'int' })
  orderId!: number;

  @Column({ type: 'varchar', length: 32 })
  orderNumber!: string;

  @Column({ type: 'simple-enum', enum: ORDER_STATUSES, default: 'pending' })
  orderStatus!: OrderStatus;

  @Index('IDX_threads_customer')
  @Column({ type: 'int' })
  customerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customerId' })
  customer?: User;

  /** Read state per side: the newest message id each side has seen. */
  @Column({ type: 'int', default: 0 })
  customerLastReadId!: number;

  @Column({ type: 'int', default: 0 })
  adminLastReadId!: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastMessageAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

@Entity('messages')
@Index('IDX_messages_thread', ['threadId', 'id'])
export class Message {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  threadId!: number;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'threadId' })
  thread?: Thread;

  @Column({ type: 'simple-enum', enum: MESSAGE_KINDS })
  kind!: MessageKind;

  /** Admin-only note: never shown to the customer, never emailed to them. */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ type: 'int', nullable: true })
  authorId!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'authorId' })
  author?: User | null;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
