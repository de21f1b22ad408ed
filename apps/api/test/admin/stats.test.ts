import { Order } from '../../src/modules/orders/order.entity';
import { Payment, PaymentEvent } from '../../src/modules/payments/payment.entity';
import { bucketOf, bucketsBetween } from '../../src/modules/dashboard/dashboard.service';
import { bearer, buildTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/users';

describe('GET /admin/stats (dashboard figures)', () => {
  let t: TestApp;
  let admin: ReturnType<typeof bearer>;
  let customer: Awaited<ReturnType<typeof createUser>>;
  let n = 0;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = bearer((await createUser(t, { role: 'admin' })).token);
    customer = await createUser(t, { displayName: 'Ann Buyer', email: 'ann@example.test' });
  });
  afterAll(() => t.close());

  async function order(status: Order['status'], createdAt: string, paidAt: string | null, eurCents: number, pi: string) {
    n += 1;
    const repo = t.ds.getRepository(Order);
    const saved = await repo.save(repo.create({
      number: `T-${n}`, customerId: customer.user.id, status, totalEurCents: eurCents, totalPi: pi, eurPerPi: '0.30',
      paidAt: paidAt ? new Date(paidAt) : null,
    }));
    await repo.update(saved.id, { createdAt: new Date(createdAt) });
    return saved;
  }

  async function payment(o: Order, fields: Partial<Payment>) {
    const repo = t.ds.getRepository(Payment);
    const saved = await repo.save(repo.create({ orderId: o.id, orderNumber: o.number, priceEurCents: o.totalEurCents, eurPerPi: '0.30', amountPi: o.totalPi, ...fields }));
    if (fields.createdAt) await repo.update(saved.id, { createdAt: fields.createdAt });
    return saved;
  }

  const stats = (query = '', headers = admin) => t.app.inject({ method: 'GET', url: `/api/v1/admin/stats${query}`, headers });

  it('sums paid orders per day, week and month in EUR and exact π; counts orders by status', async () => {
    await order('paid', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 1000, '33.3333334');
    await order('paid', '2026-03-02T11:00:00Z', '2026-03-02T23:59:59Z', 1000, '33.3333334');
    await order('paid', '2026-03-04T11:00:00Z', '2026-03-04T12:00:00Z', 49000, '163333.3333334');
    await order('paid', '2026-03-09T11:00:00Z', '2026-03-09T12:00:00Z', 3, '0.0000001');
    await order('pending', '2026-03-03T08:00:00Z', null, 500, '1.6666667');
    await order('cancelled', '2026-03-05T08:00:00Z', null, 500, '1.6666667');
    await order('paid', '2026-02-27T08:00:00Z', '2026-02-28T08:00:00Z', 700, '2.3333334'); // before the period

    const day = await stats('?from=2026-03-01&to=2026-03-10&interval=day');
    expect(day.statusCode).toBe(200);
    const body = day.json();
    expect(body.revenue.points).toHaveLength(10);
    expect(body.revenue.points[1]).toEqual({ period: '2026-03-02', orders: 2, eurCents: 2000, pi: '66.6666668' });
    expect(body.revenue.points[2]).toEqual({ period: '2026-03-03', orders: 0, eurCents: 0, pi: '0.0000000' });
    expect(body.revenue.total).toEqual({ orders: 4, eurCents: 51003, pi: '163400.0000003' });
    expect(body.ordersByStatus).toEqual({ pending: 1, paid: 4, cancelled: 1 });

    const week = (await stats('?from=2026-03-01&to=2026-03-10&interval=week')).json();
    // 2026-03-01 is a Sunday: its week began on Monday 23 February.
    expect(week.revenue.points.map((p: { period: string; orders: number }) => [p.period, p.orders])).toEqual([
      ['2026-02-23', 0], ['2026-03-02', 3], ['2026-03-09', 1],
    ]);
    const month = (await stats('?from=2026-02-01&to=2026-03-31&interval=month')).json();
    expect(month.revenue.points).toEqual([
      { period: '2026-02-01', orders: 1, eurCents: 700, pi: '2.3333334' },
      { period: '2026-03-01', orders: 4, eurCents: 51003, pi: '163400.0000003' },
    ]);
  });

  it('lists the latest orders with the customer name and e-mail, and payments needing attention', async () => {
    const now = new Date();
    const o = await order('pending', now.toISOString(), null, 1000, '33.3333334');
    await payment(o, { status: 'pending', createdAt: new Date(now.getTime() - 3600_000) }); // stale (> 900 s)
    await payment(o, { status: 'initiated' }); // fresh
    await payment(o, { status: 'confirmed', flagged: true, flagReason: 'second payment' });
    await payment(o, { status: 'failed', failedAt: now });
    const events = t.ds.getRepository(PaymentEvent);
    await events.save(events.create({ source: 'complete', outcome: 'refused', message: 'amount', code: 'PAYMENT_AMOUNT_MISMATCH' }));
    await events.save(events.create({ source: 'complete', outcome: 'refused', message: 'other', code: 'PAYMENT_CANCELLED' }));

    const body = (await stats()).json();
    expect(body.payments).toEqual({ stale: 1, flagged: 1, mismatchedToday: 1, failedToday: 1 });
    expect(body.latestOrders[0]).toMatchObject({ id: o.id, number: o.number, status: 'pending', customerName: 'Ann Buyer', customerEmail: 'ann@example.test', totalPi: '33.3333334' });
    expect(body.latestOrders.length).toBeLessThanOrEqual(10);
    expect(body.inbox).toEqual({ unreadMessages: 0, unreadThreads: 0 });
    expect(body.interval).toBe('day');
    expect(body.revenue.points).toHaveLength(30);
  });

  it('refuses bad periods (400) and non-admins (401/403)', async () => {
    for (const q of ['?from=2026-03-10&to=2026-03-01', '?from=2020-01-01&to=2026-01-01', '?interval=year', '?from=yesterday']) {
      const res = await stats(q);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/stats' })).statusCode).toBe(401);
    expect((await stats('', bearer(customer.token))).statusCode).toBe(403);
  });

  it('buckets weeks from Monday and months from the 1st', () => {
    expect(bucketOf('2026-03-08', 'week')).toBe('2026-03-02');
    expect(bucketOf('2026-03-02', 'week')).toBe('2026-03-02');
    expect(bucketOf('2026-03-31', 'month')).toBe('2026-03-01');
    expect(bucketsBetween('2025-12-30', '2026-01-02', 'month')).toEqual(['2025-12-01', '2026-01-01']);
  });
});
