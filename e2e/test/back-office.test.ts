import { createAdmin, signInToConsole } from './support/admin';
import { customerPays } from './support/customer';
import { useServerAndBrowser } from './support/session';

describe('back office', () => {
  const s = useServerAndBrowser((server) => createAdmin(server, 'owner@example.com', 'owner-password-123'));
  const signIn = () => signInToConsole(s.page, s.server, 'owner@example.com', 'owner-password-123');

  it('refuses a wrong password with the server message', async () => {
    await s.page.goto(`${s.server.url}/admin/`);
    await s.page.getByLabel(/username/i).fill('owner@example.com');
    await s.page.getByLabel(/password/i).first().fill('wrong-password');
    await s.page.getByRole('button', { name: /sign in/i }).click();
    await s.page.getByText(/invalid|incorrect|wrong/i).first().waitFor();
  });

  it('signs the seller in and lists the demo services from the API', async () => {
    await signIn();
    await s.page.getByRole('menuitem', { name: /services/i }).first().click();
    await s.page.locator('tbody tr').first().waitFor();
    expect(await s.page.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
  });

  it('deactivates a service in bulk so the storefront no longer offers it', async () => {
    const offered = async () => {
      const res = await fetch(`${s.server.url}/api/v1/services?pageSize=100`);
      return ((await res.json()) as { items: { title: string }[] }).items.map((s) => s.title);
    };
    await signIn();
    await s.page.goto(`${s.server.url}/admin/#/services`);
    const firstRow = s.page.locator('tbody tr').first();
    await firstRow.waitFor();
    const title = (await firstRow.locator('td.column-title').textContent())!.trim();
    expect(await offered()).toContain(title);
    await firstRow.locator('input[type="checkbox"]').check();
    await s.page.getByRole('button', { name: 'Deactivate' }).click();
    await s.page.getByText('Deactivate: 1 done').waitFor();
    expect(await offered()).not.toContain(title);
  });

  it('shows a paid order, its payment with the audit trail, and answers the customer in the order thread', async () => {
    const paid = await customerPays(s.server, 'api-development');
    await signIn();
    await s.page.goto(`${s.server.url}/admin/#/orders`);
    await s.page.getByText(paid.orderNumber).click();
    await s.page.getByText('paid', { exact: true }).first().waitFor();
    await s.page.getByText(paid.txid).click();
    await s.page.getByText('Audit trail').waitFor();
    await s.page.getByText('complete', { exact: true }).first().waitFor();
    await s.page.getByRole('button', { name: 'Sync from Pi' }).click();
    await s.page.getByText('Sync from Pi: done').waitFor();

    await s.page.goto(`${s.server.url}/admin/#/threads`);
    await s.page.getByText(paid.orderNumber).click();
    await s.page.getByText(/^Payment received: /).waitFor();
    await s.page.getByLabel('Message').fill('Thanks! We start on Monday.');
    await s.page.getByRole('button', { name: 'Send answer' }).click();
    await s.page.getByText('Answer sent').waitFor();

    const threads = await fetch(`${s.server.url}/api/v1/inbox/threads`, { headers: { Authorization: `Bearer ${paid.accessToken}` } });
    const [thread] = ((await threads.json()) as { items: { id: number }[] }).items;
    const read = await fetch(`${s.server.url}/api/v1/inbox/threads/${thread.id}`, { headers: { Authorization: `Bearer ${paid.accessToken}` } });
    const bodies = ((await read.json()) as { messages: { kind: string; body: string }[] }).messages.map((m) => `${m.kind}: ${m.body}`);
    expect(bodies).toContain('admin: Thanks! We start on Monday.');
  });
});
