import { Order, OrderItem } from '../../src/modules/orders/order.entity';
import { IdempotencyKey } from '../../src/modules/orders/idempotency-key.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Thread } from '../../src/modules/inbox/thread.entity';
import { CHECKOUT_SCOPE } from '../../src/modules/orders/orders.service';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildWorld, checkout, createService, get, type World } from '../payments/world';

describe('POST /orders/checkout', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  const count = async () => ({
    orders: await w.t.ds.getRepository(Order).count(),
    payments: await w.t.ds.getRepository(Payment).count(),
    threads: await w.t.ds.getRepository(Thread).count(),
  });

  it('creates the order, its item snapshot, its thread and a payment with the pricing snapshot', async () => {
    const service = await createService(w, { title: 'Brand kit', priceEurCents: 1999 });
    const { user, token } = await createUser(w.t);
    const res = await checkout(w, token, service.slug);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // 19.99 EUR / 0.30 EUR per π = 66.6333333…, rounded up to 7 decimals.
    expect(body.payment).toEqual({ id: expect.any(Number), amount: '66.6333334', memo: `Order ${body.order.number}: Brand kit`, metadata: { order_number: body.order.number } });
    expect(body.order).toMatchObject({
      number: expect.stringMatching(/^PS-[0-9A-Z]{10}$/),
      status: 'pending',
      totalEurCents: 1999,
      priceEurCents: 1999,
      totalPi: '66.6333334',
      pricePi: '66.6333334',
      eurPerPi: '0.30',
      items: [{ serviceId: service.id, serviceSlug: service.slug, title: 'Brand kit', priceEurCents: 1999, pricePi: '66.6333334' }],
      payments: [{ id: body.payment.id, status: 'pending', piPaymentId: null, txid: null, amountPi: '66.6333334' }],
      threadId: expect.any(Number),
      piPayment: { amount: '66.6333334', metadata: { order_number: body.order.number } },
    });
    const order = await w.t.ds.getRepository(Order).findOneByOrFail({ number: body.order.number });
    expect(order.customerId).toBe(user.id);
    const payment = await w.t.ds.getRepository(Payment).findOneByOrFail({ id: body.payment.id });
    expect(payment).toMatchObject({ orderId: order.id, status: 'pending', priceEurCents: 1999, eurPerPi: '0.30', amountPi: '66.6333334' });
    expect(await w.t.ds.getRepository(Thread).findOneByOrFail({ orderId: order.id })).toMatchObject({ id: body.order.threadId, customerId: user.id });
    expect(await w.t.ds.getRepository(OrderItem).countBy({ orderId: order.id })).toBe(1);
  });

  it('refuses unknown and inactive services, bad bodies and anonymous callers, creating nothing', async () => {
    const inactive = await createService(w, { active: false });
    const { token } = await createUser(w.t);
    const before = await count();
    const unknown = await checkout(w, token, 'no-such-service');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SERVICE_NOT_FOUND');
    expect((await checkout(w, token, inactive.slug)).statusCode).toBe(404);
    const bad = await w.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: bearer(token), payload: { serviceSlug: 'Not A Slug!' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveProperty('serviceSlug');
    expect((await w.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', payload: { serviceSlug: inactive.slug } })).statusCode).toBe(401);
    expect(await count()).toEqual(before);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for a retry with the same key and body, creating one order', async () => {
      const service = await createService(w);
      const { token } = await createUser(w.t);
      const before = await count();
      const first = await checkout(w, token, service.slug, { 'idempotency-key': 'retry-123' });
      const again = await checkout(w, token, service.slug, { 'idempotency-key': 'retry-123' });
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(again.json()).toEqual(first.json());
      expect(await count()).toEqual({ orders: before.orders + 1, payments: before.payments + 1, threads: before.threads + 1 });
    });

    it('answers 422 for the same key with another body', async () => {
      const a = await createService(w);
      const b = await createService(w);
      const { token } = await createUser(w.t);
      expect((await checkout(w, token, a.slug, { 'idempotency-key': 'k-422' })).statusCode).toBe(201);
      const before = await count();
      const other = await checkout(w, token, b.slug, { 'idempotency-key': 'k-422' });
      expect(other.statusCode).toBe(422);
      expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await count()).toEqual(before);
    });

    it('answers 409 while the first request with the key is still running', async () => {
      const service = await createService(w);
      const { user, token } = await createUser(w.t);
      // The first request has claimed the key and is still at work.
      const claim = await w.app.ordersIdempotency.begin(user.id, CHECKOUT_SCOPE, 'k-409', { serviceSlug: service.slug });
      expect(claim.kind).toBe('proceed');
      const before = await count();
      const dup = await checkout(w, token, service.slug, { 'idempotency-key': 'k-409' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      expect(await count()).toEqual(before);
    });

    it('keys belong to one customer; concurrent duplicates create one order', async () => {
      const service = await createService(w);
      const ann = await createUser(w.t);
      const bob = await createUser(w.t);
      const before = await count();
      const [a, b] = await Promise.all([
        checkout(w, ann.token, service.slug, { 'idempotency-key': 'same-key' }),
        checkout(w, bob.token, service.slug, { 'idempotency-key': 'same-key' }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(a.json().order.number).not.toBe(b.json().order.number);

      const burst = await Promise.all(Array.from({ length: 8 }, () => checkout(w, ann.token, service.slug, { 'idempotency-key': 'burst' })));
      const codes = burst.map((r) => r.statusCode);
      expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
      const numbers = new Set(burst.filter((r) => r.statusCode === 201).map((r) => r.json().order.number));
      expect(numbers.size).toBe(1);
      expect((await count()).orders).toBe(before.orders + 3);
    });

    it('lets a retry run again after the first attempt failed, and refuses a malformed key', async () => {
      const { token } = await createUser(w.t);
      expect((await checkout(w, token, 'not-there-yet', { 'idempotency-key': 'after-404' })).statusCode).toBe(404);
      const service = await createService(w, { slug: 'not-there-yet' });
      const res = await checkout(w, token, service.slug, { 'idempotency-key': 'after-404' });
      expect(res.statusCode).toBe(201);
      const bad = await checkout(w, token, service.slug, { 'idempotency-key': 'x'.repeat(256) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/idempotency-key/i);
      const spaces = await checkout(w, token, service.slug, { 'idempotency-key': 'has spaces' });
      expect(spaces.statusCode).toBe(400);
      expect(spaces.json().error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    });

    it('forgets keys after 24 hours', async () => {
      const service = await createService(w);
      const { token } = await createUser(w.t);
      const first = await checkout(w, token, service.slug, { 'idempotency-key': 'old-key' });
      await w.t.ds.getRepository(IdempotencyKey).update({ key: 'old-key' }, { expiresAt: new Date(Date.now() - 1000) });
      const later = await checkout(w, token, service.slug, { 'idempotency-key': 'old-key' });
      expect(later.statusCode).toBe(201);
      expect(later.headers['idempotent-replayed']).toBeUndefined();
      expect(later.json().order.number).not.toBe(first.json().order.number);
    });
  });
});

describe('GET /orders, GET /orders/:number', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  it("lists only the caller's orders, newest first, paged", async () => {
    const service = await createService(w);
    const ann = await createUser(w.t);
    const bob = await createUser(w.t);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await checkout(w, ann.token, service.slug)).json().order.number);
    await checkout(w, bob.token, service.slug);
    const page1 = await get(w, ann.token, '/api/v1/orders?pageSize=2');
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.json().items.map((o: { number: string }) => o.number)).toEqual([numbers[2], numbers[1]]);
    const page2 = await get(w, ann.token, '/api/v1/orders?page=2&pageSize=2');
    expect(page2.json().items.map((o: { number: string }) => o.number)).toEqual([numbers[0]]);
    expect((await get(w, ann.token, '/api/v1/orders?status=paid')).json().total).toBe(0);
    expect((await get(w, ann.token, '/api/v1/orders?status=bogus')).statusCode).toBe(400);
    expect((await get(w, ann.token, '/api/v1/orders?pageSize=1000')).json().pageSize).toBe(100);
  });

  it("answers 404 for another customer's order and for unknown numbers", async () => {
    const service = await createService(w);
    const ann = await createUser(w.t);
    const bob = await createUser(w.t);
    const number = (await checkout(w, ann.token, service.slug)).json().order.number;
    expect((await get(w, ann.token, `/api/v1/orders/${number}`)).statusCode).toBe(200);
    const theirs = await get(w, bob.token, `/api/v1/orders/${number}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('ORDER_NOT_FOUND');
    expect((await get(w, ann.token, '/api/v1/orders/PS-0000000000')).statusCode).toBe(404);
  });
});

describe('checkout limit per customer', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld({ CUSTOMER_WRITE_RATE_LIMIT_MAX: '2' });
  });
  afterAll(() => w.close());

  it('counts each signed-in customer on their own, even behind one shared address (a phone network)', async () => {
    const service = await createService(w);
    const [ann, bob] = [await createUser(w.t), await createUser(w.t)];
    const statuses = async (token: string) => {
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await checkout(w, token, service.slug)).statusCode);
      return out;
    };
    // inject() sends every request from 127.0.0.1.
    expect(await statuses(ann.token)).toEqual([201, 201, 429]);
    expect(await statuses(bob.token)).toEqual([201, 201, 429]);
    const refused = await checkout(w, ann.token, service.slug);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(await w.t.ds.getRepository(Order).countBy({ customerId: ann.user.id })).toBe(2);
  });
});
