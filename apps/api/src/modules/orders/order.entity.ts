import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ORDER_STATUSES, type OrderStatus } from '@pishop/shared';
import { User } from '../accounts';
import { Service } from '../catalog';

// The dashboard's figures (GET /admin/stats): revenue by paid day, orders of a period, latest orders.
@Index('IDX_orders_status_paid_at', ['status', 'paidAt'])
@Index('IDX_orders_created_status', ['createdAt', 'status'])
@Entity('orders')
// The back office filters by status and sorts by date: both from an index, never a filesort.
@Index('IDX_orders_status_created', ['status', 'createdAt'])
@Index('IDX_orders_created', ['createdAt'])
export class Order {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** What customers and Pi's metadata.order_number know the order by. */
  @Index('UQ_orders_number', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Index('IDX_orders_customer')
  @Column({ type: 'int' })
  customerId!: number;

  // Orders are financial records: a customer with orders cannot be deleted from under them.
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customerId' })
  customer?: User;

  @Column({ type: 'simple-enum', enum: ORDER_STATUSES, default: 'pending' })
  status!: OrderStatus;

  @Column({ type: 'int' })
  totalEurCents!: number;

  /** π at the checkout rate, rounded up to 7 decimals (the payment snapshot's amountPi). */
  @Column({ type: 'varchar', length: 40 })
  totalPi!: string;

  @Column({ type: 'varchar', length: 40 })
  eurPerPi!: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @OneToMany(() => OrderItem, (item) => item.order)
  items?: OrderItem[];

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/** One line of an order: a snapshot of the service as it was sold. */
@Entity('order_items')
export class OrderItem {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  orderId!: number;

  @ManyToOne(() => Order, (order) => order.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'orderId' })
  order?: Order;

  /** The catalog service sold (null once it no longer exists; the snapshot stays). */
  @Column({ type: 'int', nullable: true })
  serviceId!: number | null;

  @ManyToOne(() => Service, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'serviceId' })
  service?: Service | null;

  @Column({ type: 'varchar', length: 160 })
  serviceSlug!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'int' })
  priceEurCents!: number;

  @Column({ type: 'varchar', length: 40 })
  pricePi!: string;
}
