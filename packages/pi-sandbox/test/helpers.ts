import type { FastifyInstance } from 'fastify';
import { PiSandboxClient, PiSandboxHttpError, type PiSandboxOptions, type PlatformClient, buildPiSandbox } from '../src';

export const API_KEY = 'test-server-key';

export interface Running {
  app: FastifyInstance;
  baseUrl: string;
  client: PiSandboxClient;
  platform: PlatformClient;
}

/** A standalone sandbox on a free port, reached over real HTTP. */
export async function startSandbox(opts: Partial<PiSandboxOptions> = {}): Promise<Running> {
  const app = buildPiSandbox({ apiKey: API_KEY, ...opts });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const client = new PiSandboxClient(baseUrl);
  return { app, baseUrl, client, platform: client.platform(API_KEY) };
}

/** The HTTP error a call must fail with; fails the test if the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<PiSandboxHttpError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof PiSandboxHttpError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Creates a user and a payment of `amount`, taken as far as `upTo`. */
export async function paymentAt(
  { client, platform }: Running,
  upTo: 'created' | 'approved' | 'submitted',
  amount: number | string = 1.5,
) {
  const user = await client.createUser();
  const payment = await client.createPayment({ accessToken: user.accessToken, amount, memo: 'Logo design', metadata: { order_number: 'A-1' } });
  if (upTo === 'created') return { user, payment, txid: undefined };
  await platform.approve(payment.identifier);
  if (upTo === 'approved') return { user, payment, txid: undefined };
  const { txid } = await client.submit(payment.identifier);
  return { user, payment, txid };
}

export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `ok` holds, for state another request is still settling. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value: ${JSON.stringify(value)}`);
    await sleep(20);
    value = await read();
  }
  return value;
}
