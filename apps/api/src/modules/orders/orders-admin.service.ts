import { ORDER_STATUSES } from '@pishop/shared';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { Order } from './order.entity';
import { orderNotFound, type OrdersDeps, type OrdersService } from './orders.service';
import type { PaymentFacts } from './orders.views';

export const ordersSpec: SimpleRestSpec = {
  resource: 'orders',
  sortable: { id: 'o.id', number: 'o.number', status: 'o.status', totalEurCents: 'o.totalEurCents', customerId: 'o.customerId', createdAt: 'o.createdAt', paidAt: 'o.paidAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['o.number'] },
    id: { type: 'int', column: 'o.id' },
    customerId: { type: 'int', column: 'o.customerId' },
    status: { type: 'string', column: 'o.status', values: ORDER_STATUSES },
    number: { type: 'string', column: 'o.number' },
    createdAt_gte: { type: 'date', column: 'o.createdAt', op: 'gte' },
    createdAt_lte: { type: 'date', column: 'o.createdAt', op: 'lte' },
  },
};

export interface AdminOrder {
  id: number;
  number: string;
  customerId: number;
  status: Order['status'];
  totalEurCents: number;
  totalPi: string;
  eurPerPi: string;
  items: { serviceId: number | null; serviceSlug: string; title: string; priceEurCents: number; pricePi: string }[];
  payments: (Omit<PaymentFacts, 'orderId'> & { flagged?: boolean })[];
  threadId: number | null;
  createdAt: string;
  paidAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** Back office: orders with items, payments and thread; cancelling a pending order. */
export class OrdersAdminService {
  constructor(
    private readonly deps: OrdersDeps,
    private readonly orders: OrdersService,
  ) {}

  async list(params: ListParams): Promise<ListResult<AdminOrder>> {
    const result = await fetchList(this.deps.ds.getRepository(Order).createQueryBuilder('o'), params);
    return { ...result, rows: await this.views(result.rows) };
  }

  async get(id: number): Promise<AdminOrder> {
    const order = await this.deps.ds.getRepository(Order).findOne({ where: { id } });
    if (!order) throw orderNotFound();
    return (await this.views([order]))[0];
  }

  /**
   * Cancels a pending order with a reason the customer reads in the thread. Refused while a
   * payment is approved with Pi (money may be on its way) and, by the state machine, once paid.
   */
  async cancel(id: number, reason: string, adminId: number): Promise<AdminOrder> {
    await this.orders.cancel({ id }, reason, { id: adminId, role: 'admin' });
    return this.get(id);
  }

  private async views(orders: Order[]): Promise<AdminOrder[]> {
    const { items, payments, threads } = await this.orders.related(this.deps.ds.manager, orders.map((o) => o.id));
    return orders.map((o) => ({
      id: o.id,
      number: o.number,
      customerId: o.customerId,
      status: o.status,
      totalEurCents: o.totalEurCents,
      totalPi: o.totalPi,
      eurPerPi: o.eurPerPi,
      items: items
        .filter((i) => i.orderId === o.id)
        .map((i) => ({ serviceId: i.serviceId, serviceSlug: i.serviceSlug, title: i.title, priceEurCents: i.priceEurCents, pricePi: i.pricePi })),
      payments: payments
        .filter((p) => p.orderId === o.id)
        .map(({ orderId: _orderId, ...p }) => p),
      threadId: threads.find((t) => t.orderId === o.id)?.id ?? null,
      createdAt: o.createdAt.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      cancelReason: o.cancelReason,
    }));
  }
}

export const adminOrderSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    number: { type: 'string' },
    customerId: { type: 'integer' },
    status: { type: 'string', enum: ['pending', 'paid', 'cancelled'] },
    totalEurCents: { type: 'integer' },
    totalPi: { type: 'string' },
    eurPerPi: { type: 'string' },
    items: { type: 'array', items: { type: 'object', properties: { serviceId: { type: ['integer', 'null'] }, serviceSlug: { type: 'string' }, title: { type: 'string' }, priceEurCents: { type: 'integer' }, pricePi: { type: 'string' } } } },
    payments: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'integer' }, status: { type: 'string' }, piPaymentId: { type: ['string', 'null'] }, txid: { type: ['string', 'null'] }, amountPi: { type: 'string' }, flagged: { type: 'boolean' } },
      },
    },
    threadId: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    paidAt: { type: ['string', 'null'], format: 'date-time' },
    cancelledAt: { type: ['string', 'null'], format: 'date-time' },
    cancelReason: { type: ['string', 'null'] },
  },
} as const;
