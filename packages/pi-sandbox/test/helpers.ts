import Decimal from 'decimal.js';
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

/** An account's π balance on the sandbox ledger, as an exact decimal. */
export async function balanceOf({ client }: Running, address: string): Promise<Decimal> {
  return new Decimal((await client.ledger.account(address)).balances[0].balance);
}

/** Resolves once `check()` holds; fails loudly after `timeoutMs` (for work the test does not drive). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
