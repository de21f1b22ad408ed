import { In, type DataSource, type EntityManager } from 'typeorm';
import type { CheckoutResponse, OrderStatus, OrderView, Page, PageQuery } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { pageWindow, toPage } from '../../lib/pagination';
import { supportsRowLocks } from '../../lib/row-locks';
import { Order, OrderItem } from './order.entity';
import { orderStateMachine } from './order.state';
import { newOrderNumber } from './order-number';
import { orderView, piPaymentRequest, type PaymentFacts } from './orders.views';
import type { IdempotencyService } from './idempotency.service';
import type { DomainEvents } from '../../lib/domain-events';
import type { Message } from '../inbox';
import type { OrderActor, OrderPaymentsPort } from './order-payments.port';

export const orderNotFound = () => new AppError('ORDER_NOT_FOUND', 'Order not found');
export const CHECKOUT_SCOPE = 'POST /orders/checkout';

/** What orders need from the inbox (below orders in the module graph). */
export interface OrdersInboxPort {
  createThread: (em: EntityManager, order: Order) => Promise<{ id: number }>;
  threadsFor: (em: EntityManager, orderIds: number[]) => Promise<{ id: number; orderId: number }[]>;
  postSystem: (em: EntityManager, orderId: number, body: string) => Promise<Message>;
  setOrderStatus: (em: EntityManager, orderId: number, status: OrderStatus) => Promise<void>;
  notify: (messages: Message[]) => Promise<void>;
}

/** What orders need from their neighbours, given at registration. */
export interface OrdersDeps {
  ds: DataSource;
  idempotency: IdempotencyService;
  events: DomainEvents;
  eurPerPi: () => string;
  purchasable: (slug: string) => Promise<{ id: number; slug: string; title: string; priceEurCents: number }>;
  toPi: (priceEurCents: number, eurPerPi: string) => string;
  inbox: OrdersInboxPort;
}

export interface CheckoutOutcome {
  status: number;
  body: CheckoutResponse;
  replayed: boolean;
}

export class OrdersService {
  private paymentsPort: OrderPaymentsPort | null = null;

  constructor(private readonly deps: OrdersDeps) {}

  /** Called once by the payments module when it registers (payments depends on orders). */
  attachPayments(port: OrderPaymentsPort): void {
    this.paymentsPort = port;
  }

  private get payments(): OrderPaymentsPort {
    if (!this.paymentsPort) throw new Error('orders: the payments module is not registered');
    return this.paymentsPort;
  }

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
        const thread = await this.deps.inbox.createThread(em, order);
        const payment = await this.payments.openAttempt(em, snapshotOf(order));
        await this.deps.events.publish(em, 'order.created', {
          orderNumber: order.number,
          customerId,
          status: order.status,
          totalEurCents: order.totalEurCents,
          totalPi: order.totalPi,
        });
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
    const { items, payments, threads } = await this.related(em, orders.map((o) => o.id));
    return orders.map((o) =>
      orderView(
        o,
        items.filter((i) => i.orderId === o.id),
        payments.filter((p) => p.orderId === o.id),
        threads.find((t) => t.orderId === o.id)?.id ?? null,
      ),
    );
  }

  /** The items, payments and thread ids of these orders (one query each). */
  async related(em: EntityManager, ids: number[]) {
    if (ids.length === 0) return { items: [] as OrderItem[], payments: [] as PaymentFacts[], threads: [] as { id: number; orderId: number }[] };
    const [items, payments, threads] = await Promise.all([
      em.getRepository(OrderItem).find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
      this.payments.forOrders(em, ids),
      this.deps.inbox.threadsFor(em, ids),
    ]);
    return { items, payments, threads };
  }

  /** Paid orders: the home page's "completed orders" counter. */
  countCompleted(): Promise<number> {
    return this.deps.ds.getRepository(Order).count({ where: { status: 'paid' } });
  }

  /**
   * A new Pi payment payload for the customer's own pending order, on the order's price
   * snapshot (its unused attempt, or a new one). Refused while a payment is under way.
   */
  async pay(customerId: number, number: string): Promise<CheckoutResponse> {
    return this.deps.ds.transaction(async (em) => {
      const order = await this.lockOwn(em, customerId, number);
      if (order.status === 'paid') throw new AppError('ORDER_ALREADY_PAID', `Order ${order.number} is already paid`);
      if (order.status === 'cancelled') throw new AppError('ORDER_CANCELLED', `Order ${order.number} was cancelled`);
      if (await this.payments.inFlight(em, order.id)) throw paymentInProgress();
      const payment = await this.payments.openAttempt(em, snapshotOf(order));
      const [view] = await this.views(em, [order]);
      const items = await em.getRepository(OrderItem).find({ where: { orderId: order.id }, order: { id: 'ASC' } });
      return { order: view, payment: { id: payment.id, ...piPaymentRequest(order, items) } };
    });
  }

  /**
   * Cancels a pending order (the customer's own, or any as an admin) with a system message in
   * its thread. Under the order's row lock, so it serialises with a payment's approval: refused
   * while a payment is approved with Pi or being settled with Pi; a paid order is never cancelled.
   */
  async cancel(ref: { id: number } | { number: string; customerId: number }, reason: string, actor: OrderActor): Promise<Order> {
    // Outside the order lock: settling with Pi takes each payment's lease and may call Pi.
    const target = 'id' in ref ? await this.deps.ds.getRepository(Order).findOneBy({ id: ref.id }) : await this.findByNumber(this.deps.ds.manager, ref.number);
    if (!target || ('customerId' in ref && target.customerId !== ref.customerId)) throw orderNotFound();
    if (target.status === 'pending') {
      // A payment being settled with Pi right now is answered at once, not waited for.
      if (await this.payments.inFlight(this.deps.ds.manager, target.id)) throw paymentInProgress();
      await this.payments.withdrawFromPi(target.id, actor);
    }
    const { order, message } = await this.deps.ds.transaction(async (em) => {
      const locked = 'id' in ref ? await this.lockById(em, ref.id) : await this.lockOwn(em, ref.customerId, ref.number);
      if (!locked) throw orderNotFound();
      orderStateMachine.transition(locked.status, 'cancelled');
      if (await this.payments.inFlight(em, locked.id)) throw paymentInProgress();
      await this.markCancelled(em, locked, reason, actor);
      await this.payments.failOpen(em, locked.id, `Order cancelled by the ${actor.role === 'admin' ? 'seller' : 'customer'}: ${reason}`, actor);
      const who = actor.role === 'admin' ? 'the seller' : 'you';
      const posted = await this.deps.inbox.postSystem(em, locked.id, `This order was cancelled by ${who}. Reason: ${reason}`);
      return { order: locked, message: posted };
    });
    await this.deps.inbox.notify([message]);
    return order;
  }

  // ---- used by the payments module, inside its transactions ----

  findByNumber(em: EntityManager, number: string): Promise<Order | null> {
    return em.getRepository(Order).findOne({ where: { number } });
  }

  findById(em: EntityManager, id: number): Promise<Order | null> {
    return em.getRepository(Order).findOne({ where: { id } });
  }

  /** The order row, locked for update where the database supports row locks. */
  lockById(em: EntityManager, id: number): Promise<Order | null> {
    return em.getRepository(Order).findOne({ where: { id }, ...(supportsRowLocks(em) && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  /** pending → paid, inside the confirming payment's transaction (which holds the order's lock). */
  async markPaid(em: EntityManager, order: Order): Promise<void> {
    order.status = orderStateMachine.transition(order.status, 'paid');
    order.paidAt = new Date();
    await em.getRepository(Order).update({ id: order.id }, { status: order.status, paidAt: order.paidAt });
    await this.deps.inbox.setOrderStatus(em, order.id, order.status);
    await this.deps.events.publish(em, 'order.paid', {
      orderNumber: order.number,
      customerId: order.customerId,
      totalEurCents: order.totalEurCents,
      totalPi: order.totalPi,
      paidAt: order.paidAt.toISOString(),
    });
  }

  private async markCancelled(em: EntityManager, order: Order, reason: string, actor: OrderActor): Promise<void> {
    order.status = orderStateMachine.transition(order.status, 'cancelled');
    order.cancelledAt = new Date();
    order.cancelReason = reason.slice(0, 500);
    await em.getRepository(Order).update({ id: order.id }, { status: order.status, cancelledAt: order.cancelledAt, cancelReason: order.cancelReason });
    await this.deps.inbox.setOrderStatus(em, order.id, order.status);
    await this.deps.events.publish(em, 'order.cancelled', {
      orderNumber: order.number,
      customerId: order.customerId,
      reason: order.cancelReason,
      cancelledBy: actor.role,
      cancelledAt: order.cancelledAt.toISOString(),
    });
  }

  /** The customer's own order, locked; another customer's is as absent as a made-up number. */
  private async lockOwn(em: EntityManager, customerId: number, number: string): Promise<Order> {
    const found = await this.findByNumber(em, number);
    const order = found ? await this.lockById(em, found.id) : null;
    if (!order || order.customerId !== customerId) throw orderNotFound();
    return order;
  }
}

const paymentInProgress = () =>
  new AppError('ORDER_PAYMENT_IN_PROGRESS', 'A payment for this order is approved with Pi or being settled right now; wait for it to finish');

function snapshotOf(order: Order) {
  return { orderId: order.id, orderNumber: order.number, priceEurCents: order.totalEurCents, eurPerPi: order.eurPerPi, amountPi: order.totalPi };
}

async function freeNumber(em: EntityManager): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const number = newOrderNumber();
    if (!(await em.getRepository(Order).exists({ where: { number } }))) return number;
  }
  throw new AppError('INTERNAL', 'Could not allocate an order number');
}
