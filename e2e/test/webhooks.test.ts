import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createAdmin, signInToConsole } from './support/admin';
import { customerPays } from './support/customer';
import { useServerAndBrowser } from './support/session';

/** The README's recipe: v1 is the hex HMAC-SHA256 of "<t>.<raw body>"; t within 5 minutes. */
function signedBy(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2)));
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(String(parts.v1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Received {
  body: string;
  signature: string;
}

/** A partner's receiver on this machine (private targets are allowed for this server only). */
function receiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-signature'] ?? '') });
      res.writeHead(200).end();
    });
  });
  return {
    received,
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The seller registers a partner's webhook in the back office; a paid order reaches it signed; Resend sends it again. */
describe('webhooks in the back office', () => {
  const hooks = receiver();
  const s = useServerAndBrowser((server) => createAdmin(server, 'owner@example.com', 'owner-password-123'), { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  afterAll(() => hooks.close());

  const waitForDeliveries = async (count: number) => {
    for (let i = 0; i < 300 && hooks.received.length < count; i++) await new Promise((r) => setTimeout(r, 100));
    if (hooks.received.length < count) throw new Error(`expected ${count} deliveries, got ${hooks.received.length}`);
  };

  it('registers an endpoint with its secret shown once, delivers a signed order.paid, and resends it with the same event id', async () => {
    const url = await hooks.listen();
    await signInToConsole(s.page, s.server, 'owner@example.com', 'owner-password-123');
    await s.page.goto(`${s.server.url}/admin/#/webhook-endpoints/create`);
    await s.page.getByLabel('Url').fill(url);
    await s.page.getByLabel('Events').click();
    await s.page.getByRole('option', { name: 'order.paid' }).click();
    await s.page.keyboard.press('Escape');
    await s.page.getByRole('button', { name: 'Save' }).click();
    const alert = s.page.getByRole('status').filter({ hasText: 'it will not be shown again' });
    await alert.waitFor();
    const secret = (await alert.locator('code').textContent())!.trim();

    const paid = await customerPays(s.server, 'api-development');
    await waitForDeliveries(1);
    const [first] = hooks.received;
    expect(signedBy(secret, first.body, first.signature)).toBe(true);
    const event = JSON.parse(first.body) as { id: string; type: string; data: { orderNumber: string } };
    expect(event).toMatchObject({ type: 'order.paid', data: { orderNumber: paid.orderNumber } });

    await s.page.goto(`${s.server.url}/admin/#/webhook-deliveries`);
    const row = s.page.locator('tbody tr', { hasText: 'order.paid' }).first();
    await row.getByText('succeeded', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Resend' }).click();
    await waitForDeliveries(2);
    expect(JSON.parse(hooks.received[1].body).id).toBe(event.id);
    expect(signedBy(secret, hooks.received[1].body, hooks.received[1].signature)).toBe(true);
  });
});
