import { customerPays, signInToShop } from './support/customer';
import { useServerAndBrowser } from './support/session';

/** A customer's whole journey: sign up, pay with π in the sandbox wallet, see the order paid and the message. */
describe('buying a service with Pi', () => {
  const s = useServerAndBrowser();

  it('signs up, pays in the wallet dialog, and finds the order paid with a system message', async () => {
    await s.page.goto(`${s.server.url}/register`);
    await s.page.getByLabel('email').fill('ada@example.com');
    await s.page.getByLabel('username').fill('ada');
    await s.page.getByLabel('password').fill('correct horse battery');
    await s.page.getByRole('button', { name: 'Create account' }).click();
    await s.page.getByRole('heading', { name: 'Your orders' }).waitFor();

    await s.page.goto(`${s.server.url}/services`);
    const firstService = s.page.locator('.card-title a').first();
    const title = (await firstService.textContent())!.trim();
    await firstService.click();
    await s.page.getByRole('heading', { name: title }).waitFor();
    const pricePi = (await s.page.getByTestId('price-pi').textContent())!;

    await s.page.getByRole('button', { name: 'Pay with Pi' }).click();
    const wallet = s.page.getByRole('dialog', { name: 'Pi Sandbox wallet' });
    await wallet.waitFor();
    await wallet.getByRole('button', { name: 'Confirm payment' }).click();
    await s.page.getByRole('status').getByText('Payment confirmed').waitFor({ timeout: 30000 });

    await s.page.getByRole('link', { name: /^Order / }).click();
    await s.page.locator('.badge', { hasText: 'paid' }).first().waitFor();
    await s.page.getByText(pricePi.replace('≈ ', '')).first().waitFor();
    const txid = await s.page.locator('td code').nth(1).textContent();
    expect(txid).toMatch(/^[0-9a-f]{64}$/);

    await s.page.getByRole('link', { name: 'Receipt' }).click();
    await s.page.getByRole('heading', { name: /Payment receipt/ }).waitFor();
    await s.page.getByText(txid!).waitFor();
    await s.page.getByText('0.30 EUR per π').waitFor();
    await s.page.goBack();

    await s.page.getByRole('link', { name: 'Messages about this order' }).click();
    await s.page.getByText(/^Payment received: .* π for order/).first().waitFor();
  });

  it('lets the customer write to the studio in the order thread', async () => {
    const paid = await customerPays(s.server, 'api-development');
    await signInToShop(s.page, s.server, paid.customer.email, paid.customer.password);
    await s.page.goto(`${s.server.url}/orders/${paid.orderNumber}`);
    await s.page.getByRole('link', { name: 'Messages about this order' }).click();
    await s.page.getByText(/^Payment received: /).first().waitFor();
    await s.page.getByLabel('Your message').fill('Hello! When can we start?');
    await s.page.getByRole('button', { name: 'Send' }).click();
    await s.page.getByText('Hello! When can we start?').waitFor();
  });
});

describe('profile', () => {
  const s = useServerAndBrowser();

  it('changes the display name shown in the navigation, and keeps it after a reload', async () => {
    const page = s.page;
    await page.goto(`${s.server.url}/register`);
    await page.getByLabel('email').fill('grace@example.com');
    await page.getByLabel('username').fill('grace');
    await page.getByLabel('password').fill('another long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByRole('link', { name: 'grace' }).click();
    await page.getByLabel('Display name').fill('Grace H.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Grace H.' }).waitFor();
  });
});
