import { PiSandboxClient, type JsonObject } from '@pishop/pi-sandbox';
import type { Page } from 'playwright-core';
import type { RunningServer } from './server';

async function call<T>(server: RunningServer, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A customer who signs up and pays for a service over the API, with the sandbox wallet doing
 * what Pi Browser would: the same calls the storefront makes, without a browser.
 */
export async function customerPays(
  server: RunningServer,
  serviceSlug: string,
  customer = { email: 'buyer@example.com', username: 'buyer', password: 'buyer-password-123' },
) {
  const { accessToken } = await call<{ accessToken: string }>(server, '/auth/register', customer);
  const { order, payment } = await call<{ order: { number: string }; payment: { amount: string; memo: string; metadata: JsonObject } }>(
    server, '/orders/checkout', { serviceSlug }, accessToken,
  );
  const wallet = new PiSandboxClient(`${server.url}/pi-sandbox`);
  const pioneer = await wallet.createUser({ username: `${customer.username}-pi` });
  const pi = await wallet.createPayment({ accessToken: pioneer.accessToken, amount: Number(payment.amount), memo: payment.memo, metadata: payment.metadata });
  await call(server, '/pi/approve', { paymentId: pi.identifier }, accessToken);
  const { txid } = await wallet.submit(pi.identifier);
  await call(server, '/pi/complete', { paymentId: pi.identifier, txid }, accessToken);
  return { accessToken, orderNumber: order.number, txid, customer };
}

/** Signs a customer in on the storefront's sign-in page and waits for their orders. */
export async function signInToShop(page: Page, server: RunningServer, login: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Your orders' }).waitFor();
}
