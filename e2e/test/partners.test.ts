import { createAdmin, signInToConsole } from './support/admin';
import { useServerAndBrowser } from './support/session';

/** The seller hands a partner an API key from the back office: shown once, scoped, rotated, revoked. */
describe('API keys in the back office', () => {
  const s = useServerAndBrowser((server) => createAdmin(server, 'owner@example.com', 'owner-password-123'));
  const status = async (path: string, key: string) =>
    (await fetch(`${s.server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${key}` } })).status;
  const shownSecret = async () => {
    const alert = s.page.getByRole('status').filter({ hasText: 'it will not be shown again' });
    await alert.waitFor();
    return (await alert.locator('code').textContent())!.trim();
  };

  it('creates a catalog:read key shown once, which reads services and nothing else; rotating and revoking end the old secrets', async () => {
    await signInToConsole(s.page, s.server, 'owner@example.com', 'owner-password-123');
    await s.page.goto(`${s.server.url}/admin/#/api-keys/create`);
    await s.page.getByLabel('Name').fill('Partner shop');
    await s.page.getByLabel('Scopes').click();
    await s.page.getByRole('option', { name: 'catalog:read' }).click();
    await s.page.keyboard.press('Escape');
    await s.page.getByRole('button', { name: 'Save' }).click();
    const first = await shownSecret();
    expect(first).toMatch(/^pishop_/);
    expect(await status('/services', first)).toBe(200);
    expect(await status('/orders', first)).toBe(403);

    await s.page.goto(`${s.server.url}/admin/#/api-keys`);
    const row = s.page.locator('tbody tr', { hasText: 'Partner shop' });
    await row.waitFor();
    expect(await s.page.locator('body').textContent()).not.toContain(first);
    await row.getByRole('button', { name: 'Rotate' }).click();
    const second = await shownSecret();
    expect(second).not.toBe(first);
    expect(await status('/services', first)).toBe(401);
    expect(await status('/services', second)).toBe(200);

    await s.page.reload();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await s.page.getByRole('button', { name: 'Confirm' }).click();
    await s.page.getByText(/deleted|revoked/i).first().waitFor();
    expect(await status('/services', second)).toBe(401);
  });
});
