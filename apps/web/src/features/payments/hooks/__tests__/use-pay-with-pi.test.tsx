import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios';
import type { ReactNode } from 'react';
import { api } from '../../../../lib/api-client';
import type { PiPaymentCallbacks } from '../../../../lib/pi-sdk';
import { usePayWithPi } from '../use-pay-with-pi';

type Sent = { url: string; body: unknown; idempotencyKey?: string };

function fakeServer(routes: Record<string, unknown>) {
  const sent: Sent[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const url = config.url ?? '';
    sent.push({ url, body: config.data ? JSON.parse(config.data) : undefined, idempotencyKey: config.headers.get('Idempotency-Key') as string | undefined });
    return { data: routes[url], status: 200, statusText: 'OK', headers: {}, config };
  };
  api.defaults.adapter = adapter;
  return sent;
}

/** A Pi SDK stand-in whose wallet does what the test says. */
function fakePi(wallet: (cb: PiPaymentCallbacks) => void) {
  window.Pi = {
    init: jest.fn(),
    authenticate: jest.fn(async () => ({ accessToken: 'pi-token', user: { uid: 'u1' } })),
    createPayment: jest.fn((_data, callbacks: PiPaymentCallbacks) => wallet(callbacks)),
  };
}

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
const sdk = { local: true, sandbox: true };
const checkoutAnswer = { order: { number: 'PS-1001' }, payment: { id: 1, amount: '33.3333334', memo: 'Order PS-1001', metadata: { order_number: 'PS-1001' } } };

test('checks out once, lets the server approve and complete, and ends paid', async () => {
  const sent = fakeServer({
    '/orders/checkout': checkoutAnswer,
    '/pi/approve': { status: 'initiated' },
    '/pi/complete': { status: 'confirmed' },
  });
  fakePi((cb) => {
    cb.onReadyForServerApproval('pi-pay-1');
    setTimeout(() => cb.onReadyForServerCompletion('pi-pay-1', 'tx-1'), 10);
  });
  const { result } = renderHook(() => usePayWithPi('landing-page', sdk), { wrapper });
  await act(() => result.current.pay());
  await waitFor(() => expect(result.current.state.step).toBe('paid'));
  expect(result.current.state.orderNumber).toBe('PS-1001');
  expect(sent.map((s) => s.url)).toEqual(['/orders/checkout', '/pi/approve', '/pi/complete']);
  expect(sent[0].body).toEqual({ serviceSlug: 'landing-page' });
  expect(sent[0].idempotencyKey).toMatch(/[0-9a-f-]{36}/);
  expect(sent[2].body).toEqual({ paymentId: 'pi-pay-1', txid: 'tx-1' });
  expect(window.Pi!.createPayment).toHaveBeenCalledWith(
    { amount: 33.3333334, memo: 'Order PS-1001', metadata: { order_number: 'PS-1001' } },
    expect.any(Object),
  );
});

test('a cancel in the wallet is reported to the server and shown', async () => {
  const sent = fakeServer({ '/orders/checkout': checkoutAnswer, '/pi/cancel': { status: 'failed' } });
  fakePi((cb) => cb.onCancel('pi-pay-2'));
  const { result } = renderHook(() => usePayWithPi('landing-page', sdk), { wrapper });
  await act(() => result.current.pay());
  await waitFor(() => expect(sent.map((s) => s.url)).toContain('/pi/cancel'));
  expect(result.current.state.step).toBe('cancelled');
});

test('a payment left incomplete is reported at Pi sign-in', async () => {
  const sent = fakeServer({ '/orders/checkout': checkoutAnswer, '/pi/incomplete': { status: 'confirmed' } });
  fakePi(() => undefined);
  const incomplete = { identifier: 'old-1', transaction: { txid: 'tx-old' } };
  (window.Pi!.authenticate as jest.Mock).mockImplementation(async (_scopes: string[], onIncomplete: (p: unknown) => void) => {
    onIncomplete(incomplete);
    return { accessToken: 't', user: { uid: 'u1' } };
  });
  const { result } = renderHook(() => usePayWithPi('landing-page', sdk), { wrapper });
  await act(() => result.current.pay());
  await waitFor(() => expect(sent.find((s) => s.url === '/pi/incomplete')?.body).toEqual({ payment: incomplete }));
});
