import type { FindOptionsWhere } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-protocol';
import type { SandboxUser } from '@pishop/pi-sandbox';
import { buildApp } from '../../../src/app';
import { openDataSource } from '../../../src/db/database';
import { Refund, RefundEvent } from '../../../src/modules/payments/refunds/refund.entity';
import { bearer } from '../../support/app';
import { createUser, type CreatedUser } from '../../support/users';
import { APP_WALLET, approveAndSubmit, buildWorld, createService, piCustomer, post, startPayment, type World } from '../world';

/** The sandbox's app wallet seed, given to the API as PI_WALLET_PRIVATE_SEED. */
export const SEED = PI_SANDBOX_DEV_APP_WALLET_SEED;

/** A world whose API can sign refunds with the app wallet's seed. */
export function buildRefundWorld(env: Record<string, string> = {}, opts: { gate?: boolean; gateLedger?: boolean } = {}): Promise<World> {
  return buildWorld({ PI_WALLET_PRIVATE_SEED: SEED, ...env }, opts);
}

export interface PaidPayment {
  paymentId: number;
  orderNumber: string;
  amountPi: string;
  piPaymentId: string;
  customer: CreatedUser & { pioneer: SandboxUser };
}

/** A customer (linked to a fresh Pioneer) who paid for a 10 EUR service: 33.3333334 π. */
export async function paidPayment(w: World, priceEurCents = 1000): Promise<PaidPayment> {
  const service = await createService(w, { priceEurCents });
  const customer = await piCustomer(w);
  const started = await startPayment(w, customer, service);
  const txid = await approveAndSubmit(w, customer.token, started.piPaymentId);
  const done = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: started.piPaymentId, txid });
  expect(done.json()).toMatchObject({ status: 'confirmed' });
  return { paymentId: started.checkout.payment.id, orderNumber: started.orderNumber, amountPi: started.checkout.payment.amount, piPaymentId: started.piPaymentId, customer };
}

export function admin(w: World): Promise<CreatedUser> {
  return createUser(w.t, { role: 'admin' });
}

export function requestRefund(
  app: FastifyInstance,
  token: string,
  paymentId: number,
  body: { amountPi?: string; reason?: string } = { reason: 'Double payment' },
  key: string | null = randomUUID(),
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/admin/payments/${paymentId}/refund`,
    headers: { ...bearer(token), ...(key !== null && { 'idempotency-key': key }) },
    payload: body,
  });
}

/** A wallet's native balance on the sandbox ledger. */
export async function balanceOf(w: World, address: string): Promise<string> {
  const account = await w.pi.ledger.account(address);
  return account.balances.find((b) => b.asset_type === 'native')?.balance ?? '0';
}

export const appBalance = (w: World) => balanceOf(w, APP_WALLET);

/** The app wallet's sequence number: it grows by one with every transaction the wallet sends. */
export async function appSequence(w: World): Promise<bigint> {
  return BigInt((await w.pi.ledger.account(APP_WALLET)).sequence);
}

export async function a2uCreations(w: World): Promise<number> {
  return (await w.pi.calls({ method: 'POST', path: '/v2/payments' })).length;
}

export function refunds(w: World, where: FindOptionsWhere<Refund> = {}): Promise<Refund[]> {
  return w.t.ds.getRepository(Refund).find({ where, order: { id: 'ASC' } });
}

export function refundEvents(w: World, refundId: number): Promise<RefundEvent[]> {
  return w.t.ds.getRepository(RefundEvent).find({ where: { refundId }, order: { id: 'ASC' } });
}

/**
 * The app stops (its database connection closes with it), and another starts on the same
 * database (what a restart after a crash is): a new DataSource on the same file or database,
 * the same settings, nothing shared in memory. The world's helpers read through the new one.
 */
export async function restartedApp(w: World): Promise<FastifyInstance> {
  await w.app.close();
  const ds = await openDataSource(w.t.config.database);
  const app = await buildApp(w.t.config, { dataSource: ds, closeDataSource: true, logger: false, serveSpas: false });
  await app.ready();
  w.t.ds = ds;
  return app;
}
