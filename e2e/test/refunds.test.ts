import { PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-sandbox';
import { createAdmin, signInToConsole } from './support/admin';
import { signInToShop } from './support/customer';
import { customerPaysTwice } from './support/double-payment';
import { useServerAndBrowser } from './support/session';

/** The seller refunds a double payment from the back office; the customer sees the refund on the storefront. */
describe('refunding a double payment', () => {
  const s = useServerAndBrowser((server) => createAdmin(server, 'owner@example.com', 'owner-password-123'));
  const customer = { email: 'twice@example.com', username: 'twice', password: 'twice-password-123' };

  it('the seller finds the flagged payment and refunds it in π; the customer sees the refund on the order page and in the thread', async () => {
    const paid = await customerPaysTwice(s.server, 'api-development', customer);
    const stroops = async () => toStroops((await paid.wallet.ledger.account(paid.secondPayer.walletAddress)).balances[0].balance);
    const before = await stroops();

    await signInToConsole(s.page, s.server, 'owner@example.com', 'owner-password-123');
    await s.page.goto(`${s.server.url}/admin/#/payments/${paid.doublePaymentId}/show`);
    await s.page.getByText(/Second payment for an already paid order/).first().waitFor();

    await s.page.getByRole('button', { name: 'Refund' }).click();
    const dialog = s.page.getByRole('dialog', { name: `Refund payment #${paid.doublePaymentId}` });
    await dialog.waitFor();
    expect(Number(await dialog.getByLabel('Amount (π)').inputValue())).toBe(Number(paid.amountPi));
    await dialog.getByLabel('Reason (the customer reads it)').fill('You paid twice for this order');
    await dialog.getByRole('button', { name: 'Send refund' }).click();
    await s.page.getByText(/^Refund sent: .* π \(transaction [0-9a-f]{64}\)$/).waitFor({ timeout: 30000 });
    await s.page.getByRole('button', { name: 'Refunded in full' }).waitFor();

    expect((await stroops()) - before).toBe(toStroops(paid.amountPi));

    await s.page.goto(`${s.server.url}/admin/#/refunds`);
    await s.page.getByText('You paid twice for this order').waitFor();
    await s.page.getByText('completed', { exact: true }).first().waitFor();

    const context = await s.browser.newContext();
    const page = await context.newPage();
    await signInToShop(page, s.server, customer.email, customer.password);

    await page.goto(`${s.server.url}/orders/${paid.orderNumber}`);
    const refunds = page.getByRole('region', { name: 'Refunds' });
    await refunds.waitFor();
    const row = refunds.getByTestId('refund');
    await row.getByText('refunded').waitFor();
    await row.getByText('You paid twice for this order').waitFor();
    expect(await row.locator('code').textContent()).toMatch(/^[0-9a-f]{64}$/);

    await page.getByRole('link', { name: 'Messages about this order' }).click();
    await page.getByText(/^Refund sent: .* π for order .* went back to your Pi wallet/).waitFor();
    await context.close();

    expect(s.server.logs()).not.toContain(PI_SANDBOX_DEV_APP_WALLET_SEED);
  });
});

/** A π amount (at most 7 decimals) in stroops, exactly. */
function toStroops(pi: string): bigint {
  const [whole, fraction = ''] = pi.split('.');
  return BigInt(whole) * 10_000_000n + BigInt(fraction.padEnd(7, '0'));
}
