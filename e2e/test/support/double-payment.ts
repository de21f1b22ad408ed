import { PiSandboxClient, type JsonObject } from '@pishop/pi-sandbox';
import type { RunningServer } from './server';

async function api<T>(server: RunningServer, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...(token && { Authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A customer who pays one order twice: two Pi wallets (two Pioneers) both approved before either
 * completed, as with two devices at once. The shop marks the order paid once and flags the
 * second payment for a refund. Returns who paid what.
 */
export async function customerPaysTwice(server: RunningServer, serviceSlug: string, who: { email: string; username: string; password: string }) {
  const { accessToken } = await api<{ accessToken: string }>(server, 'POST', '/auth/register', null, who);
  const { order, payment } = await api<{ order: { number: string }; payment: { amount: string; memo: string; metadata: JsonObject } }>(
    server, 'POST', '/orders/checkout', accessToken, { serviceSlug },
  );
  const wallet = new PiSandboxClient(`${server.url}/pi-sandbox`);
  const [first, second] = [await wallet.createUser({ username: `${who.username}-phone` }), await wallet.createUser({ username: `${who.username}-tablet` })];
  const pay = (pioneer: typeof first) => wallet.createPayment({ accessToken: pioneer.accessToken, amount: Number(payment.amount), memo: payment.memo, metadata: payment.metadata });
  const [p1, p2] = [await pay(first), await pay(second)];
  for (const p of [p1, p2]) await api(server, 'POST', '/pi/approve', accessToken, { paymentId: p.identifier });
  const [tx1, tx2] = [(await wallet.submit(p1.identifier)).txid, (await wallet.submit(p2.identifier)).txid];
  await api(server, 'POST', '/pi/complete', accessToken, { paymentId: p1.identifier, txid: tx1 });
  await api(server, 'POST', '/pi/complete', accessToken, { paymentId: p2.identifier, txid: tx2 });
  const view = await api<{ payments: { id: number; piPaymentId: string | null }[] }>(server, 'GET', `/orders/${order.number}`, accessToken);
  const doublePaymentId = view.payments.find((p) => p.piPaymentId === p2.identifier)!.id;
  return { accessToken, orderNumber: order.number, amountPi: payment.amount, doublePaymentId, secondPayer: second, wallet };
}
