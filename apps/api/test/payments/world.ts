import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS, PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-protocol';
import { buildPiSandbox, PiSandboxClient, type SandboxUser } from '@pishop/pi-sandbox';
import { Service } from '../../src/modules/catalog/catalog.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { Payment, PaymentEvent } from '../../src/modules/payments/payment.entity';
import { Message, Thread } from '../../src/modules/inbox/thread.entity';
import { piGate, type PiGate } from './pi-gate';
import { bearer, buildTestApp, type TestApp } from '../support/app';
import { createUser, type CreatedUser } from '../support/users';

export const PI_KEY = 'payments-test-server-key';
export const WEBHOOK_SECRET = 'payments-test-webhook-secret-0123456789';
/** The app's wallet: the sandbox's fixed development wallet, given to the API as PI_APP_WALLET_ADDRESS. */
export const APP_WALLET = PI_SANDBOX_DEV_APP_WALLET_ADDRESS;

/**
 * The API on a clean database, talking over real HTTP to a Pi sandbox on a random port: the
 * same wiring as production with PI_API_BASE_URL / PI_HORIZON_URL / PI_API_KEY.
 */
export interface World {
  t: TestApp;
  app: FastifyInstance;
  sandbox: FastifyInstance;
  sandboxUrl: string;
  pi: PiSandboxClient;
  /** With `{gate: true}`: the hop between the API and Pi's Platform API (hold, answer, drop, count). */
  gate: PiGate | null;
  close(): Promise<void>;
}

export async function buildWorld(env: Record<string, string> = {}, opts: { gate?: boolean; gateLedger?: boolean } = {}): Promise<World> {
  const sandbox = buildPiSandbox({ apiKey: PI_KEY, appWalletSeed: PI_SANDBOX_DEV_APP_WALLET_SEED });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
  const gate = opts.gate ? await piGate(sandboxUrl) : null;
  const t = await buildTestApp({
    PI_API_BASE_URL: gate?.url ?? sandboxUrl,
    // With gateLedger, the ledger too is reached through the gate (to play a lagging Horizon).
    PI_HORIZON_URL: `${opts.gateLedger && gate ? gate.url : sandboxUrl}/ledger`,
    PI_API_KEY: PI_KEY,
    PI_APP_WALLET_ADDRESS: APP_WALLET,
    PI_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PI_API_TIMEOUT_MS: '3000',
    ...env,
  });
  return {
    t,
    app: t.app,
    sandbox,
    sandboxUrl,
    pi: new PiSandboxClient(sandboxUrl),
    gate,
    close: async () => {
      await t.close();
      await gate?.close();
      await sandbox.close();
    },
  };
}

let serviceCounter = 0;

/** An active service in the catalog (10.00 EUR unless told otherwise). */
export async function createService(w: World, input: Partial<Service> = {}): Promise<Service> {
  serviceCounter += 1;
  const repo = w.t.ds.getRepository(Service);
  return repo.save(
    repo.create({
      title: `Logo design ${serviceCounter}`,
      slug: `logo-design-${serviceCounter}`,
      summary: '',
      description: 'A logo.',
      priceEurCents: 1000,
      active: true,
      featured: false,
      position: serviceCounter,
      ...input,
    }),
  );
}

/** A customer whose account is linked to a fresh Pi sandbox user (so the payer check applies). */
export async function piCustomer(w: World): Promise<CreatedUser & { pioneer: SandboxUser }> {
  const pioneer = await w.pi.createUser({});
  const customer = await createUser(w.t, { piUid: pioneer.uid, piUsername: pioneer.username });
  return { ...customer, pioneer };
}

export interface CheckoutBody {
  order: { number: string; status: string; totalPi: string; totalEurCents: number; threadId: number; payments: { id: number }[] };
  payment: { id: number; amount: string; memo: string; metadata: { order_number: string } };
}

export async function checkout(w: World, token: string, serviceSlug: string, headers: Record<string, string> = {}) {
  return w.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: { ...bearer(token), ...headers }, payload: { serviceSlug } });
}

export function post(w: World, token: string | null, url: string, payload: unknown): Promise<LightMyRequestResponse> {
  return w.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, payload: payload as object });
}

export function get(w: World, token: string, url: string): Promise<LightMyRequestResponse> {
  return w.app.inject({ method: 'GET', url, headers: bearer(token) });
}

/** Checkout, then what the Pi SDK does in the Pioneer's browser: create the Pi payment. */
export async function startPayment(w: World, customer: { token: string; pioneer: SandboxUser }, service: Service, overrides: { amount?: string | number; metadata?: object } = {}) {
  const res = await checkout(w, customer.token, service.slug);
  expect(res.statusCode).toBe(201);
  const body = res.json() as CheckoutBody;
  const piPayment = await w.pi.createPayment({
    accessToken: customer.pioneer.accessToken,
    amount: overrides.amount ?? body.payment.amount,
    memo: body.payment.memo,
    metadata: (overrides.metadata ?? body.payment.metadata) as Record<string, unknown>,
  });
  return { checkout: body, piPaymentId: piPayment.identifier, orderNumber: body.order.number };
}

/** approve → the Pioneer signs and submits → the txid. */
export async function approveAndSubmit(w: World, token: string, piPaymentId: string): Promise<string> {
  const approved = await post(w, token, '/api/v1/pi/approve', { paymentId: piPaymentId });
  expect(approved.statusCode).toBe(200);
  return (await w.pi.submit(piPaymentId)).txid;
}

/**
 * A customer without a linked Pi account pays one order from two Pi wallets at once: both
 * approved, both signed, then both completed. The order is paid by the first; the second is
 * confirmed but flagged for a refund.
 */
export async function payTwice(w: World, service: Service) {
  const customer = await createUser(w.t);
  const [a, b] = [await w.pi.createUser({}), await w.pi.createUser({})];
  const c = (await post(w, customer.token, '/api/v1/orders/checkout', { serviceSlug: service.slug })).json() as CheckoutBody;
  const p1 = await w.pi.createPayment({ accessToken: a.accessToken, ...c.payment });
  const p2 = await w.pi.createPayment({ accessToken: b.accessToken, ...c.payment });
  const tx1 = await approveAndSubmit(w, customer.token, p1.identifier);
  const tx2 = await approveAndSubmit(w, customer.token, p2.identifier);
  const first = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: p1.identifier, txid: tx1 });
  const second = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: p2.identifier, txid: tx2 });
  return { customer, c, payers: [a, b] as const, piPayments: [p1, p2] as const, answers: [first, second] as const };
}

export async function dbState(w: World, orderNumber: string) {
  const order = await w.t.ds.getRepository(Order).findOneOrFail({ where: { number: orderNumber } });
  const payments = await w.t.ds.getRepository(Payment).find({ where: { orderId: order.id }, order: { id: 'ASC' } });
  const thread = await w.t.ds.getRepository(Thread).findOneOrFail({ where: { orderId: order.id } });
  const messages = await w.t.ds.getRepository(Message).find({ where: { threadId: thread.id }, order: { id: 'ASC' } });
  const events = payments.length
    ? await w.t.ds.getRepository(PaymentEvent).createQueryBuilder('e').where('e.paymentId IN (:...ids)', { ids: payments.map((p) => p.id) }).orderBy('e.id', 'ASC').getMany()
    : [];
  return { order, payments, thread, messages, systemMessages: messages.filter((m) => m.kind === 'system' && !m.internal), events };
}

export function eventsFor(w: World, piPaymentId: string): Promise<PaymentEvent[]> {
  return w.t.ds.getRepository(PaymentEvent).find({ where: { piPaymentId }, order: { id: 'ASC' } });
}
