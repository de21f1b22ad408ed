import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AxiosError, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import type { ReactNode } from 'react';
import { ErrorCodes, type ErrorCode } from '@pishop/shared';
import { api } from '../../api-client';
import { PI_SDK_ANSWER_MS, type PiPaymentCallbacks } from '../../pi-sdk';
import { usePayWithPi } from '../use-pay-with-pi';

type Sent = { url: string; body: unknown; idempotencyKey?: string };
/** An API answer that is refused with the given status and error code. */
const refused = (status: number, code: ErrorCode) => ({ refused: { status, code } });

function fakeServer(routes: Record<string, unknown>, log: string[] = []) {
  const sent: Sent[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const url = config.url ?? '';
    sent.push({ url, body: config.data ? JSON.parse(config.data) : undefined, idempotencyKey: config.headers.get('Idempotency-Key') as string | undefined });
    log.push(`api ${url}`);
    const answer = routes[url] as { refused?: { status: number; code: ErrorCode } } | undefined;
    if (answer?.refused) {
      const response = { data: { error: { code: answer.refused.code, message: `server says ${answer.refused.code}` } }, status: answer.refused.status, statusText: '', headers: {}, config };
      throw new AxiosError('refused', 'ERR_BAD_REQUEST', config, null, response);
    }
    return { data: answer, status: 200, statusText: 'OK', headers: {}, config };
  };
  api.defaults.adapter = adapter;
  return sent;
}

/** A Pi SDK stand-in whose wallet does what the test says. */
function fakePi(wallet: (cb: PiPaymentCallbacks) => void, log: string[] = []) {
  window.Pi = {
    init: jest.fn(),
    authenticate: jest.fn(async () => ({ accessToken: 'pi-token', user: { uid: 'u1' } })),
    createPayment: jest.fn((_data, callbacks: PiPaymentCallbacks) => {
      log.push('sdk createPayment');
      wallet(callbacks);
    }),
    openShareDialog: jest.fn(),
  };
}

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
const sdk = { local: true, sandbox: true };
const checkoutAnswer = { order: { number: 'PS-1001' }, payment: { id: 1, amount: '33.3333334', memo: 'Order PS-1001', metadata: { order_number: 'PS-1001' } } };
const service = { serviceSlug: 'landing-page' };

afterEach(() => jest.useRealTimers());

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
  const { result } = renderHook(() => usePayWithPi(service, sdk), { wrapper });
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

test('a cancel in the wallet is reported, and paying again pays the same order, not a new one', async () => {
  const sent = fakeServer({ '/orders/checkout': checkoutAnswer, '/pi/cancel': { status: 'failed' }, '/orders/PS-1001/pay': checkoutAnswer });
  fakePi((cb) => cb.onCancel('pi-pay-2'));
  const { result } = renderHook(() => usePayWithPi(service, sdk), { wrapper });
  await act(() => result.current.pay());
  await waitFor(() => expect(sent.map((s) => s.url)).toContain('/pi/cancel'));
  expect(result.current.state.step).toBe('cancelled');

  await act(() => result.current.pay());
  expect(sent.map((s) => s.url)).toEqual(['/orders/checkout', '/pi/cancel', '/orders/PS-1001/pay', '/pi/cancel']);
});

test('a pending order is paid with a new payment on the order', async () => {
  const sent = fakeServer({ '/orders/PS-7/pay': { ...checkoutAnswer, order: { number: 'PS-7' } } });
  fakePi(() => undefined);
  const { result } = renderHook(() => usePayWithPi({ orderNumber: 'PS-7' }, sdk), { wrapper });
  await act(() => result.current.pay());
  expect(sent.map((s) => s.url)).toEqual(['/orders/PS-7/pay']);
  expect(result.current.state).toMatchObject({ step: 'approving', orderNumber: 'PS-7' });
});

test('a payment left incomplete is settled, and the answer awaited, before the new payment starts', async () => {
  const log: string[] = [];
  const sent = fakeServer({ '/orders/checkout': checkoutAnswer, '/pi/incomplete': { status: 'confirmed' } }, log);
  fakePi(() => undefined, log);
  const incomplete = { identifier: 'old-1', transaction: { txid: 'tx-old' } };
  (window.Pi!.authenticate as jest.Mock).mockImplementation(async (_scopes: string[], onIncomplete: (p: unknown) => void) => {
    onIncomplete(incomplete);
    return { accessToken: 't', user: { uid: 'u1' } };
  });
  const { result } = renderHook(() => usePayWithPi(service, sdk), { wrapper });
  await act(() => result.current.pay());
  expect(sent.find((s) => s.url === '/pi/incomplete')?.body).toEqual({ payment: incomplete });
  expect(log).toEqual(['api /pi/incomplete', 'api /orders/checkout', 'sdk createPayment']);
});

test('an incomplete payment the server cannot settle (no answer) stops the new payment', async () => {
  const log: string[] = [];
  fakeServer({ '/orders/checkout': checkoutAnswer, '/pi/incomplete': refused(503, ErrorCodes.PI_UNAVAILABLE) }, log);
  fakePi(() => undefined, log);
  (window.Pi!.authenticate as jest.Mock).mockImplementation(async (_s: string[], onIncomplete: (p: unknown) => void) => {
    onIncomplete({ identifier: 'old-2', transaction: { txid: 'tx' } });
    return { accessToken: 't', user: { uid: 'u1' } };
  });
  const { result } = renderHook(() => usePayWithPi(service, sdk), { wrapper });
  await act(() => result.current.pay());
  expect(log).toEqual(['api /pi/incomplete']);
  expect(result.current.state.step).toBe('error');
  expect(result.current.state.error).toMatch(/Pi cannot be reached right now/);
});

test('a payment the server refuses as cancelled is shown by its code, not the server text', async () => {
  fakeServer({ '/orders/checkout': checkoutAnswer, '/pi/approve': refused(409, ErrorCodes.PAYMENT_CANCELLED) });
  fakePi((cb) => cb.onReadyForServerApproval('pi-pay-3'));
  const { result } = renderHook(() => usePayWithPi(service, sdk), { wrapper });
  await act(() => result.current.pay());
  await waitFor(() => expect(result.current.state.step).toBe('error'));
  expect(result.current.state.error).toMatch(/cancelled .*nothing was charged/);
  expect(result.current.state.error).not.toMatch(/server says/);
});

test('outside Pi Browser (the SDK never answers) the customer is told how to go on', async () => {
  jest.useFakeTimers();
  const sent = fakeServer({});
  fakePi(() => undefined);
  (window.Pi!.authenticate as jest.Mock).mockImplementation(() => new Promise(() => undefined));
  const { result } = renderHook(() => usePayWithPi(service, sdk), { wrapper });
  let paying!: Promise<void>;
  act(() => {
    paying = result.current.pay();
  });
  expect(result.current.state.step).toBe('connecting');
  await act(async () => {
    jest.advanceTimersByTime(PI_SDK_ANSWER_MS);
    await paying;
  });
  expect(result.current.state.step).toBe('no-pi');
  expect(result.current.state.error).toMatch(/Pi Browser/);
  expect(sent).toEqual([]);
});
