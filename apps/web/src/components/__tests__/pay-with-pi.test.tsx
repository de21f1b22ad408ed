import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorCodes } from '@pishop/shared';
import type { PiPaymentCallbacks } from '../../lib/pi-sdk';
import { aUser, fakeApi, refusal, renderPage, signedInAs, signedOut } from '../../../test/helpers';
import { PayWithPi } from '../pay-with-pi';

const config = { passwordLogin: true, registration: true, piLogin: true, recaptchaSiteKey: null, piSandbox: true, piSandboxLocal: true };
const checkoutAnswer = { order: { number: 'PS-1001' }, payment: { id: 1, amount: '1633.3333334', memo: 'Order PS-1001', metadata: { order_number: 'PS-1001' } } };

function fakePi(wallet: (cb: PiPaymentCallbacks) => void) {
  window.Pi = {
    init: jest.fn(),
    authenticate: jest.fn(async () => ({ accessToken: 'pi', user: { uid: 'u1' } })),
    createPayment: jest.fn((_d, cb: PiPaymentCallbacks) => wallet(cb)),
    openShareDialog: jest.fn(),
  };
}

test('a visitor is sent to sign in and back', async () => {
  fakeApi({ ...signedOut(), 'GET /auth/config': config });
  renderPage(<PayWithPi target={{ serviceSlug: 'landing-page' }} />, { path: '/services/landing-page', route: '/services/:slug' });
  expect(await screen.findByRole('link', { name: 'Sign in to buy' })).toHaveAttribute('href', '/login?next=%2Fservices%2Flanding-page');
});

test('checkout: each step is announced until the payment is confirmed, with a link to the order', async () => {
  const sent = fakeApi({
    ...signedInAs(aUser()),
    'GET /auth/config': config,
    'POST /orders/checkout': checkoutAnswer,
    'POST /pi/approve': { status: 'initiated' },
    'POST /pi/complete': { status: 'confirmed' },
  });
  let callbacks!: PiPaymentCallbacks;
  fakePi((cb) => (callbacks = cb));
  renderPage(<PayWithPi target={{ serviceSlug: 'landing-page' }} />, { path: '/services/landing-page', route: '/services/:slug' });
  await userEvent.click(await screen.findByRole('button', { name: 'Pay with Pi' }));
  expect(await screen.findByRole('status')).toHaveTextContent('Waiting for the server to approve the payment');
  expect(screen.getByRole('button', { name: 'Pay with Pi' })).toBeDisabled();

  callbacks.onReadyForServerApproval('pi-1');
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Confirm the payment in your Pi wallet'));
  callbacks.onReadyForServerCompletion('pi-1', 'tx-1');
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Payment confirmed'));
  expect(screen.getByRole('link', { name: 'Order PS-1001' })).toHaveAttribute('href', '/orders/PS-1001');
  expect(sent.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/auth/refresh', '/orders/checkout', '/pi/approve', '/pi/complete']);
});

test('a refused approval shows what the code means', async () => {
  fakeApi({
    ...signedInAs(aUser()),
    'GET /auth/config': config,
    'POST /orders/checkout': checkoutAnswer,
    'POST /pi/approve': refusal(409, ErrorCodes.ORDER_ALREADY_PAID),
  });
  fakePi((cb) => cb.onReadyForServerApproval('pi-2'));
  renderPage(<PayWithPi target={{ serviceSlug: 'landing-page' }} />, { path: '/services/landing-page', route: '/services/:slug' });
  await userEvent.click(await screen.findByRole('button', { name: 'Pay with Pi' }));
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('This order is already paid'));
});

test('"Pay now" on a pending order asks for a new payment on that order', async () => {
  const sent = fakeApi({ ...signedInAs(aUser()), 'GET /auth/config': config, 'POST /orders/PS-1001/pay': checkoutAnswer });
  fakePi(() => undefined);
  renderPage(<PayWithPi target={{ orderNumber: 'PS-1001' }} label="Pay now" />, { path: '/orders/PS-1001', route: '/orders/:number' });
  await userEvent.click(await screen.findByRole('button', { name: 'Pay now' }));
  await waitFor(() => expect(sent.map((r) => r.url)).toContain('/orders/PS-1001/pay'));
  expect(sent.map((r) => r.url)).not.toContain('/orders/checkout');
});
