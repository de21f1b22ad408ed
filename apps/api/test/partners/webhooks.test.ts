import { createHmac, timingSafeEqual } from 'node:crypto';
import { buildApp } from '../../src/app';
import { openDataSource } from '../../src/db/database';
import { fetch } from 'undici';
import { WebhookDelivery, WebhookEndpoint } from '../../src/modules/webhooks';
import { webhookDispatcher } from '../../src/modules/webhooks/webhook-targets';
import { bearer, buildTestApp, type TestApp } from '../support/app';
import { CapturingMailTransport } from '../support/mail';
import { createUser } from '../support/users';
import { localServer, type SeenRequest } from '../payments/local-server';
import { approveAndSubmit, buildWorld, createService, piCustomer, post, startPayment, type World } from '../payments/world';

const SECRET = 'whsec_partner-test-secret-0123456789';

/** The README's recipe, as a partner would write it with node:crypto. */
function verify(secret: string, rawBody: string, header: string, nowSeconds: number): boolean {
  const fields = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(fields.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return fields.v1?.length === expected.length && timingSafeEqual(Buffer.from(fields.v1), Buffer.from(expected));
}
const tOf = (r: SeenRequest) => Number(/t=(\d+)/.exec(String(r.headers['x-signature']))?.[1]);

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  // A generous wait for something that happens after commit (not a timing assertion).
  for (let i = 0; i < 600; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function addEndpoint(t: TestApp, admin: string, url: string, events: string[]) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhook-endpoints', headers: bearer(admin), payload: { url, events, secret: SECRET } });
  if (res.statusCode !== 201) throw new Error(`endpoint: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; secret: string };
}

describe('outgoing webhooks', () => {
  it('a paid order delivers one signed order.paid that verifies with the documented recipe', async () => {
    const w: World = await buildWorld({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_POLL_INTERVAL_SECONDS: '0' });
    const receiver = await localServer((_req, res) => res.writeHead(204).end());
    try {
      const admin = (await createUser(w.t, { role: 'admin' })).token;
      const endpoint = await addEndpoint(w.t, admin, `${receiver.url}/hooks`, ['order.paid']);
      expect(endpoint.secret).toBe(SECRET);
      const list = await w.app.inject({ method: 'GET', url: '/api/v1/admin/webhook-endpoints', headers: bearer(admin) });
      expect(list.body).not.toContain(SECRET);

      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
      const txid = await approveAndSubmit(w, customer.token, piPaymentId);
      const done = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
      expect(done.statusCode).toBe(200);

      await until(() => receiver.seen.length >= 1, 'the order.paid delivery');
      await w.app.webhooks.dispatcher.idle();
      expect(await w.app.webhooks.dispatcher.runDue()).toBe(0);
      expect(receiver.seen).toHaveLength(1);
      const [req] = receiver.seen;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/hooks');
      expect(verify(SECRET, req.body, String(req.headers['x-signature']), Math.floor(Date.now() / 1000))).toBe(true);
      expect(verify('another-secret-entirely-000', req.body, String(req.headers['x-signature']), Math.floor(Date.now() / 1000))).toBe(false);
      expect(verify(SECRET, req.body.replace(orderNumber, 'X'), String(req.headers['x-signature']), Math.floor(Date.now() / 1000))).toBe(false);
      expect(verify(SECRET, req.body, String(req.headers['x-signature']), tOf(req) + 301)).toBe(false);
      const body = JSON.parse(req.body);
      expect(body).toMatchObject({ type: 'order.paid', data: { orderNumber } });
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(req.headers['x-event-id']).toBe(body.id);

      const deliveries = await w.app.inject({ method: 'GET', url: '/api/v1/admin/webhook-deliveries', headers: bearer(admin) });
      expect(deliveries.json()).toEqual([expect.objectContaining({ eventId: body.id, type: 'order.paid', status: 'succeeded', attempts: 1, lastStatusCode: 204 })]);
    } finally {
      await receiver.close();
      await w.close();
    }
  });

  it('a receiver answering 500 gets retries with growing delays, then one success is recorded', async () => {
    const t = await buildTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_POLL_INTERVAL_SECONDS: '0' });
    const answers = [500, 500, 500, 200];
    const receiver = await localServer((_req, res) => res.writeHead(answers.shift() ?? 200).end());
    const start = Date.parse('2026-03-01T12:00:00.000Z');
    let clock = start;
    t.app.webhooks.dispatcher.now = () => new Date(clock);
    const dispatcher = t.app.webhooks.dispatcher;
    try {
      const admin = (await createUser(t, { role: 'admin' })).token;
      await addEndpoint(t, admin, receiver.url, ['order.created']);
      const service = await createService({ t } as World);
      const customer = await createUser(t);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: bearer(customer.token), payload: { serviceSlug: service.slug } });
      expect(res.statusCode).toBe(201);
      await until(() => receiver.seen.length >= 1, 'the first attempt');
      await dispatcher.idle();

      const delivery = () => t.ds.getRepository(WebhookDelivery).findOneByOrFail({ type: 'order.created' });
      expect(await delivery()).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
      expect((await delivery()).nextAttemptAt?.getTime()).toBe(start + 30_000);

      clock = start + 29_000;
      expect(await dispatcher.runDue()).toBe(0);
      for (const at of [30_000, 90_000, 210_000]) {
        clock = start + at;
        expect(await dispatcher.runDue()).toBe(1);
      }
      clock = start + 10 * 3600_000;
      expect(await dispatcher.runDue()).toBe(0);

      const d = await delivery();
      expect(d).toMatchObject({ status: 'succeeded', attempts: 4, lastStatusCode: 200, nextAttemptAt: null });
      expect(d.deliveredAt?.getTime()).toBe(start + 210_000);
      expect(receiver.seen).toHaveLength(4);
      const times = receiver.seen.map(tOf);
      const gaps = times.slice(1).map((x, i) => x - times[i]);
      expect(gaps).toEqual([30, 60, 120]);
      expect(new Set(receiver.seen.map((r) => JSON.parse(r.body).id)).size).toBe(1);
      for (const r of receiver.seen) expect(verify(SECRET, r.body, String(r.headers['x-signature']), tOf(r))).toBe(true);
    } finally {
      await receiver.close();
      await t.close();
    }
  });

  it('gives up after a day of failures and marks the delivery failed; an admin resend sends the same event again', async () => {
    const t = await buildTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_POLL_INTERVAL_SECONDS: '0', WEBHOOKS_WORKER: 'false' });
    let status = 503;
    const receiver = await localServer((_req, res) => res.writeHead(status).end());
    const start = Date.parse('2026-03-01T12:00:00.000Z');
    let clock = start;
    const dispatcher = t.app.webhooks.dispatcher;
    dispatcher.now = () => new Date(clock);
    try {
      const admin = (await createUser(t, { role: 'admin' })).token;
      await addEndpoint(t, admin, receiver.url, ['order.created', 'thread.message_created']);
      const service = await createService({ t } as World);
      const customer = await createUser(t);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: bearer(customer.token), payload: { serviceSlug: service.slug } });
      const repo = t.ds.getRepository(WebhookDelivery);
      let d = await repo.findOneByOrFail({ type: 'order.created' });
      while (d.status === 'pending') {
        clock = d.nextAttemptAt!.getTime();
        expect(await dispatcher.runDue()).toBeGreaterThanOrEqual(1);
        d = await repo.findOneByOrFail({ id: d.id });
      }
      expect(d.status).toBe('failed');
      expect(clock - start).toBeLessThanOrEqual(24 * 3600_000);
      expect(clock - start).toBeGreaterThan(20 * 3600_000);
      expect(receiver.seen.filter((r) => JSON.parse(r.body).type === 'order.created')).toHaveLength(d.attempts);

      status = 200;
      const resent = await t.app.inject({ method: 'POST', url: `/api/v1/admin/webhook-deliveries/${d.id}/resend`, headers: bearer(admin) });
      expect(resent.statusCode).toBe(201);
      expect(resent.json()).toMatchObject({ eventId: d.eventId, status: 'pending', attempts: 0 });
      await dispatcher.runDue();
      expect((await repo.findOneByOrFail({ id: resent.json().id })).status).toBe('succeeded');
      const filtered = await t.app.inject({ method: 'GET', url: `/api/v1/admin/webhook-deliveries?filter=${encodeURIComponent(JSON.stringify({ eventId: d.eventId }))}`, headers: bearer(admin) });
      expect(filtered.json().map((x: { status: string }) => x.status).sort()).toEqual(['failed', 'succeeded']);

      // A customer's message is announced (thread.message_created); nothing for the admin's internal note.
      const thread = (res.json() as { order: { threadId: number } }).order.threadId;
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/inbox/threads/${thread}/messages`, headers: bearer(customer.token), payload: { body: 'Hello there' } })).statusCode).toBe(201);
      const messages = await repo.findBy({ type: 'thread.message_created' });
      expect(messages).toHaveLength(1);
      expect(JSON.parse(messages[0].payload).data).toMatchObject({ threadId: thread, kind: 'customer' });
    } finally {
      await receiver.close();
      await t.close();
    }
  });

  it('a crash between commit and send still delivers: outbox rows are sent when an instance starts', async () => {
    const t = await buildTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_WORKER: 'false' });
    const receiver = await localServer((_req, res) => res.writeHead(200).end());
    try {
      const admin = (await createUser(t, { role: 'admin' })).token;
      await addEndpoint(t, admin, receiver.url, ['order.created']);
      const service = await createService({ t } as World);
      const customer = await createUser(t);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: bearer(customer.token), payload: { serviceSlug: service.slug } });
      expect(res.statusCode).toBe(201);
      // The change committed with its outbox row; this instance never sends (as if it died right after the commit).
      expect(await t.ds.getRepository(WebhookDelivery).findOneByOrFail({ type: 'order.created' })).toMatchObject({ status: 'pending', attempts: 0 });
      expect(receiver.seen).toHaveLength(0);

      const ownPool = t.config.database.driver !== 'sqlite';
      const ds = ownPool ? await openDataSource(t.config.database) : t.ds;
      const restarted = await buildApp({ ...t.config, webhooks: { ...t.config.webhooks, worker: true } }, { dataSource: ds, closeDataSource: ownPool, logger: false, mailTransport: new CapturingMailTransport() });
      await restarted.ready();
      try {
        await until(() => receiver.seen.length >= 1, 'the delivery after restart');
        await restarted.webhooks.dispatcher.idle();
        expect(receiver.seen).toHaveLength(1);
        expect(JSON.parse(receiver.seen[0].body)).toMatchObject({ type: 'order.created', data: { orderNumber: res.json().order.number } });
        expect(await t.ds.getRepository(WebhookDelivery).findOneByOrFail({ type: 'order.created' })).toMatchObject({ status: 'succeeded', attempts: 1 });
      } finally {
        await restarted.close();
      }
    } finally {
      await receiver.close();
      await t.close();
    }
  });

  it('writes the outbox row in the publisher\'s transaction: a change rolled back leaves no delivery, a committed one leaves one', async () => {
    // No worker: nothing is sent, so the endpoint needs no receiver.
    const t = await buildTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_WORKER: 'false' });
    try {
      const admin = (await createUser(t, { role: 'admin' })).token;
      await addEndpoint(t, admin, 'http://127.0.0.1:9/hooks', ['order.created']);
      const data = { orderNumber: 'PS-0000000042', customerId: 1, status: 'pending' as const, totalEurCents: 1000, totalPi: '3.3333334' };
      const failed = t.ds.transaction(async (em) => {
        await t.app.events.publish(em, 'order.created', data);
        expect(await em.getRepository(WebhookDelivery).count()).toBe(1); // visible inside the transaction
        throw new Error('the change failed after announcing itself');
      });
      await expect(failed).rejects.toThrow('the change failed');
      expect(await t.ds.getRepository(WebhookDelivery).count()).toBe(0);
      await t.ds.transaction((em) => t.app.events.publish(em, 'order.created', data));
      expect(await t.ds.getRepository(WebhookDelivery).find()).toEqual([expect.objectContaining({ type: 'order.created', status: 'pending' })]);
    } finally {
      await t.close();
    }
  });

  it('refuses loopback, private and non-http targets unless allowed, and stores nothing', async () => {
    const t = await buildTestApp();
    try {
      const admin = (await createUser(t, { role: 'admin' })).token;
      for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://10.1.2.3/x', 'http://169.254.169.254/latest', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://[::127.0.0.1]/x', 'ftp://93.184.216.34/x']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhook-endpoints', headers: bearer(admin), payload: { url, events: ['order.paid'] } });
        expect([url, res.statusCode]).toEqual([url, 422]);
        expect(res.json().error.code).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
      }
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhook-endpoints', headers: bearer(admin), payload: { url: 'https://93.184.216.34/x', events: ['order.exploded'] } });
      expect(bad.statusCode).toBe(400);
      expect(await t.ds.getRepository(WebhookEndpoint).count()).toBe(0);
      const ok = await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhook-endpoints', headers: bearer(admin), payload: { url: 'https://93.184.216.34/hooks', events: ['order.paid'] } });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().secret).toMatch(/^whsec_/);
    } finally {
      await t.close();
    }
  });

  it('checks the address each delivery connects to: a name that now resolves to loopback is refused at connect (DNS rebinding)', async () => {
    const receiver = await localServer((_req, res) => res.end('ok'));
    const { port } = new URL(receiver.url);
    // `localhost` stands for a public name re-pointed at a private address after the check at save time.
    const guarded = webhookDispatcher(false);
    const open = webhookDispatcher(true);
    try {
      const refused = await fetch(`http://localhost:${port}/hook`, { method: 'POST', body: '{}', dispatcher: guarded }).catch((err: Error) => err);
      expect(refused).toBeInstanceOf(Error);
      expect(((refused as Error).cause as { code?: string }).code).toBe('ETARGETREFUSED');
      expect(receiver.seen).toHaveLength(0);
      // With private targets allowed (development), the same call goes through.
      expect((await fetch(`http://localhost:${port}/hook`, { method: 'POST', body: '{}', dispatcher: open })).status).toBe(200);
      expect(receiver.seen).toHaveLength(1);
    } finally {
      await guarded.close();
      await open.close();
      await receiver.close();
    }
  });
});
