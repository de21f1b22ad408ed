import { Decimal } from 'decimal.js';
import { Order, OrderItem } from '../../src/modules/orders/order.entity';
import { Payment, PaymentEvent } from '../../src/modules/payments/payment.entity';
import { Message, Thread } from '../../src/modules/inbox/thread.entity';
import { User } from '../../src/modules/accounts/user.entity';
import { createUser } from '../support/users';
import { approveAndSubmit, buildWorld, checkout, createService, piCustomer, post, startPayment, type World } from '../payments/world';
import { emptyFigures, recordFigures } from './support/figures';

const CUSTOMERS = Number(process.env.RELIABILITY_LOAD_CUSTOMERS ?? 12);

/**
 * A bounded mixed load (browsing, sign-ins, checkouts, payments paid, abandoned and cancelled,
 * all at once), then a consistency check over the whole database.
 */
describe('reliability: mixed load, then the whole database is consistent', () => {
  let w: World;
  const figures = emptyFigures();
  afterAll(async () => {
    recordFigures(__filename, figures);
    await w?.close();
  });

  it(`${CUSTOMERS} customers at once, each browsing, signing in, checking out and paying (or not)`, async () => {
    w = await buildWorld();
    const services = [await createService(w), await createService(w), await createService(w, { priceEurCents: 12345 })];
    const answers: number[] = [];
    const seen = <T extends { statusCode: number }>(r: T) => (answers.push(r.statusCode), r);
    const customer = async (i: number) => {
      const c = await piCustomer(w);
      seen(await w.app.inject({ method: 'GET', url: '/api/v1/services?page=1&pageSize=10' }));
      seen(await w.app.inject({ method: 'GET', url: `/api/v1/services/${services[i % 3].slug}` }));
      seen(await w.app.inject({ method: 'GET', url: '/api/v1/home' }));
      seen(await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: c.user.username, password: c.password }, remoteAddress: `192.0.2.${i + 1}` }));
      seen(await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: c.user.username, password: 'not-it' }, remoteAddress: `192.0.2.${i + 1}` }));
      const { piPaymentId, orderNumber } = await startPayment(w, c, services[i % 3]);
      switch (i % 4) {
        case 0:
        case 1: {
          const txid = await approveAndSubmit(w, c.token, piPaymentId);
          seen(await post(w, c.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid }));
          break;
        }
        case 2:
          seen(await post(w, c.token, `/api/v1/orders/${orderNumber}/cancel`, { reason: 'Changed my mind' }));
          break;
        default:
          // Abandoned after approval: Pi expires it, the reconciler fails it.
          seen(await post(w, c.token, '/api/v1/pi/approve', { paymentId: piPaymentId }));
      }
      seen(await w.app.inject({ method: 'GET', url: '/api/v1/orders', headers: { authorization: `Bearer ${c.token}` } }));
      seen(await checkout(w, c.token, services[(i + 1) % 3].slug));
    };
    await Promise.all(Array.from({ length: CUSTOMERS }, (_, i) => customer(i)));
    const admin = await createUser(w.t, { role: 'admin' });
    seen(await w.app.inject({ method: 'GET', url: '/api/v1/admin/orders?range=[0,99]', headers: { authorization: `Bearer ${admin.token}` } }));
    await w.pi.advanceClock(3_600_000);
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    figures.serverErrors = answers.filter((s) => s >= 500).length;
    figures.extra.loadRequests = answers.length;
    expect(answers.filter((s) => s >= 500)).toEqual([]);

    // The whole database, table by table.
    const ds = w.t.ds;
    const [orders, items, payments, threads, messages, events, users] = await Promise.all([
      ds.getRepository(Order).find(), ds.getRepository(OrderItem).find(), ds.getRepository(Payment).find(), ds.getRepository(Thread).find(),
      ds.getRepository(Message).find(), ds.getRepository(PaymentEvent).find(), ds.getRepository(User).find(),
    ]);
    const problems: string[] = [];
    const orderIds = new Set(orders.map((o) => o.id));
    const userIds = new Set(users.map((u) => u.id));
    for (const o of orders) {
      const own = payments.filter((p) => p.orderId === o.id);
      const paying = own.filter((p) => p.status === 'confirmed' && !p.flagged);
      const thread = threads.filter((t) => t.orderId === o.id);
      const system = thread.length === 1 ? messages.filter((m) => m.threadId === thread[0].id && m.kind === 'system' && !m.internal) : [];
      const paidMessages = system.filter((m) => !m.body.startsWith('This order was cancelled')).length;
      if (thread.length !== 1) problems.push(`order ${o.number}: ${thread.length} threads`);
      if (!userIds.has(o.customerId)) problems.push(`order ${o.number}: no customer`);
      if (items.filter((i) => i.orderId === o.id).length === 0) problems.push(`order ${o.number}: no items`);
      if ((o.status === 'paid') !== (paying.length === 1) || paying.length > 1) problems.push(`order ${o.number} ${o.status} with ${paying.length} confirmed payments`);
      for (const p of paying) if (!new Decimal(p.amountPi).eq(o.totalPi)) problems.push(`order ${o.number}: paid ${p.amountPi} π for ${o.totalPi} π`);
      if (paidMessages !== paying.length) problems.push(`order ${o.number}: ${paidMessages} paid messages for ${paying.length} confirmations`);
      if (o.status === 'cancelled' && own.some((p) => p.status === 'pending' || p.status === 'initiated')) problems.push(`order ${o.number}: cancelled with an open payment`);
      if (o.status === 'paid' && !o.paidAt) problems.push(`order ${o.number}: paid without paidAt`);
    }
    for (const p of payments) {
      if (!orderIds.has(p.orderId)) problems.push(`payment ${p.id}: no order`);
      if (p.status === 'confirmed' && !p.txid) problems.push(`payment ${p.id}: confirmed without a txid`);
      const confirmations = events.filter((e) => e.paymentId === p.id && e.statusAfter === 'confirmed' && e.outcome === 'applied').length;
      if (confirmations > 1) figures.doubledConfirmations += 1;
      if (confirmations > 1) problems.push(`payment ${p.id}: ${confirmations} confirmations`);
      if (p.piPaymentId) {
        const pi = await w.pi.getPayment(p.piPaymentId);
        if (pi.status.developer_completed !== (p.status === 'confirmed')) {
          figures.lostPayments += 1;
          problems.push(`payment ${p.id}: ${p.status} here, developer_completed ${pi.status.developer_completed} at Pi`);
        }
      }
    }
    const threadIds = new Set(threads.map((t) => t.id));
    for (const t of threads) if (!orderIds.has(t.orderId)) problems.push(`thread ${t.id}: no order`);
    for (const m of messages) if (!threadIds.has(m.threadId)) problems.push(`message ${m.id}: no thread`);
    for (const i of items) if (!orderIds.has(i.orderId)) problems.push(`item ${i.id}: no order`);
    for (const e of events) if (e.paymentId !== null && !payments.some((p) => p.id === e.paymentId)) problems.push(`event ${e.id}: no payment`);
    const paymentIds = new Set(payments.map((p) => p.id));
    const refunds: { paymentId: number; amountPi: string; status: string }[] = await ds.query('SELECT * FROM refunds');
    for (const p of payments) {
      const refunded = refunds.filter((r) => r.paymentId === p.id && r.status !== 'failed').reduce((n, r) => n.plus(r.amountPi), new Decimal(0));
      if (refunded.gt(p.status === 'confirmed' ? p.amountPi : 0)) problems.push(`payment ${p.id}: refunded ${refunded} of ${p.amountPi}`);
    }
    for (const r of refunds) if (!paymentIds.has(r.paymentId)) problems.push(`refund of payment ${r.paymentId}: no payment`);
    figures.extra.loadOrders = orders.length;
    figures.extra.loadOrdersPaid = orders.filter((o) => o.status === 'paid').length;
    expect(problems).toEqual([]);
    expect(orders.filter((o) => o.status === 'paid').length).toBe(Array.from({ length: CUSTOMERS }, (_, i) => i % 4 < 2).filter(Boolean).length);
  }, 10 * 60_000);
});
