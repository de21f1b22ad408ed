import { In, type DataSource, type EntityManager } from 'typeorm';
import type { CheckoutResponse, OrderStatus, OrderView, Page, PageQuery } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { pageWindow, toPage } from '../../lib/pagination';
import { supportsRowLocks } from '../../db/database';
import { Order, OrderItem } from './order.entity';
import { orderStateMachine } from './order.state';
import { newOrderNumber } from './order-number';
import { orderView, piPaymentRequest, type PaymentFacts } from './orders.views';
import type { IdempotencyService } from './idempotency.service';

export const orderNotFound = () => new AppError('ORDER_NOT_FOUND', 'Order not found');
export const CHECKOUT_SCOPE = 'POST /orders/checkout';

/** What orders need from their neighbours, reached through their services only. */
export interface OrdersDeps {
  ds: DataSource;
  idempotency: IdempotencyService;
  eurPerPi: () => string;
  purchasable: (slug: string) => Promise<{ id: number; slug: string; title: string; priceEurCents: number }>;
  toPi: (priceEurCents: number, eurPerPi: string) => string;
  createThread: (em: EntityManager, order: Order) => Promise<{ id: number }>;
  threadsFor: (em: EntityManager, orderIds: number[]) => Promise<{ id: number; orderId: number }[]>;
  createPayment: (em: EntityManager, snapshot: { orderId: number; priceEurCents: number; eurPerPi: string; amountPi: string }) => Promise<PaymentFacts>;
  paymentsFor: (em: EntityManager, orderIds: number[]) => Promise<PaymentFacts[]>;
}

export interface CheckoutOutcome {
  status: number;
  body: CheckoutResponse;
  replayed: boolean;
}

export class OrdersService {
  constructor(private readonly deps: OrdersDeps) {}

  /**
   * Order + item snapshot + thread + payment with the pricing snapshot, in one transaction.
   * With an Idempotency-Key the first answer is stored with them and replayed for 24 h.
   */
  async checkout(customerId: number, input: { serviceSlug: string }, idempotencyKey?: string): Promise<CheckoutOutcome> {
    const request = { serviceSlug: input.serviceSlug };
    const start = idempotencyKey ? await this.deps.idempotency.begin(customerId, CHECKOUT_SCOPE, idempotencyKey, request) : undefined;
    if (start?.kind === 'replay') return { status: start.status, body: start.body as CheckoutResponse, replayed: true };
    const claim = start?.kind === 'proceed' ? start.claim : undefined;
    try {
      const service = await this.deps.purchasable(input.serviceSlug);
      const eurPerPi = this.deps.eurPerPi();
      const amountPi = this.deps.toPi(service.priceEurCents, eurPerPi);
      const body = await this.deps.ds.transaction(async (em) => {
        const order = await em.getRepository(Order).save(
          em.getRepository(Order).create({
            number: await freeNumber(em),
            customerId,
            status: 'pending',
            totalEurCents: service.priceEurCents,
            totalPi: amountPi,
            eurPerPi,
            paidAt: null,
            cancelledAt: null,
            cancelReason: null,
          }),
        );
        const item = await em.getRepository(OrderItem).save(
          em.getRepository(OrderItem).create({
            orderId: order.id,
            serviceId: service.id,
            serviceSlug: service.slug,
            title: service.title,
            priceEurCents: service.priceEurCents,
            pricePi: amountPi,
          }),
        );
        const thread = await this.deps.createThread(em, order);
        const payment = await this.deps.createPayment(em, { orderId: order.id, priceEurCents: service.priceEurCents, eurPerPi, amountPi });
        const response: CheckoutResponse = {
          order: orderView(order, [item], [payment], thread.id),
          payment: { id: payment.id, ...piPaymentRequest(order, [item]) },
        };
        if (claim) await this.deps.idempotency.complete(em, claim, 201, response);
        return response;
      });
      return { status: 201, body, replayed: false };
    } catch (err) {
      if (claim) await this.deps.idempotency.release(claim).catch(() => undefined);
      throw err;
    }
  }

  async listForCustomer(customerId: number, query: PageQuery & { status?: OrderStatus }): Promise<Page<OrderView>> {
    const window = pageWindow(query);
    const [orders, total] = await this.deps.ds.getRepository(Order).findAndCount({
      where: { customerId, ...(query.status && { status: query.status }) },
      order: { id: 'DESC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return toPage(await this.views(this.deps.ds.manager, orders), total, window);
  }

  /** Own orders only: another customer's order is as absent as a made-up number. */
  async getForCustomer(customerId: number, number: string): Promise<OrderView> {
    const order = await this.deps.ds.getRepository(Order).findOne({ where: { number } });
    if (!order || order.customerId !== customerId) throw orderNotFound();
    const [view] = await this.views(this.deps.ds.manager, [order]);
    return view;
  }

  async views(em: EntityManager, orders: Order[]): Promise<OrderView[]> {
    const ids = orders.map((o) => o.id);
    if (ids.length === 0) return [];
    const [items, payments, threads] = await Promise.all([
      em.getRepository(OrderItem).find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
      this.deps.paymentsFor(em, ids),
      this.deps.threadsFor(em, ids),
    ]);
    return orders.map((o) =>
      orderView(
        o,
        items.filter((i) => i.orderId === o.id),
        payments.filter((p) => p.orderId === o.id),
        threads.find((t) => t.orderId === o.id)?.id ?? null,
      ),
    );
  }

  /** Paid orders: the home page's "completed orders" counter. */
  countCompleted(): Promise<number> {
    return this.deps.ds.getRepository(Order).count({ where: { status: 'paid' } });
  }

  // ---- used by the payments module, inside its transactions ----

  findByNumber(em: EntityManager, number: string): Promise<Order | null> {
    return em.getRepository(Order).findOne({ where: { number } });
  }

  /** The order row, locked for update where the database supports row locks. */
  lockById(em: EntityManager, id: number): Promise<Order | null> {
    return em.getRepository(Order).findOne({ where: { id }, ...(supportsRowLocks(em) && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  async markPaid(em: EntityManager, order: Order): Promise<void> {
    order.status = orderStateMachine.transition(order.status, 'paid');
    order.paidAt = new Date();
    await em.getRepository(Order).update({ id: order.id }, { status: order.status, paidAt: order.paidAt });
  }

  async markCancelled(em: EntityManager, order: Order, reason: string): Promise<void> {
    order.status = orderStateMachine.transition(order.status, 'cancelled');
    order.cancelledAt = new Date();
    order.cancelReason = reason.slice(0, 500);
    await em.getRepository(Order).update({ id: order.id }, { status: order.status, cancelledAt: order.cancelledAt, cancelReason: order.cancelReason });
  }
}

async function freeNumber(em: EntityManager): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const number = newOrderNumber();
    if (!(await em.getRepository(Order).exists({ where: { number } }))) return number;
  }
  throw new AppError('INTERNAL', 'Could not allocate an order number');
}
