import { useServerAndBrowser } from './support/session';

describe('one-port server in a real browser', () => {
  const s = useServerAndBrowser();

  it('shows the storefront at / and answers deep links with it', async () => {
    const { page } = s;
    await page.goto(`${s.server.url}/`);
    await page.getByRole('heading', { name: /software services, paid in π/i }).waitFor();
    await page.goto(`${s.server.url}/services/anything`);
    await page.getByRole('link', { name: 'Pi Services Studio' }).waitFor();
  });

  it('shows the back office sign-in at /admin', async () => {
    const { page } = s;
    await page.goto(`${s.server.url}/admin/`);
    await page.getByLabel(/username/i).waitFor();
    await page.getByLabel(/password/i).first().waitFor();
  });

  it('serves the API docs page', async () => {
    const { page } = s;
    await page.goto(`${s.server.url}/api/docs`);
    await page.getByText('Pi Services Studio API').first().waitFor();
  });
});
