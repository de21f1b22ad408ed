import type { CheckoutResponse, PayOrderResponse, PiCallbackResult } from '@pishop/shared';
import { api, isClientError } from '../api-client';
import type { PaymentDTO } from '../pi-sdk';

/** Checkout with an idempotency key, so a retried click never creates a second order. */
export async function checkout(serviceSlug: string, idempotencyKey: string): Promise<CheckoutResponse> {
  const { data } = await api.post<CheckoutResponse>('/orders/checkout', { serviceSlug }, { headers: { 'Idempotency-Key': idempotencyKey } });
  return data;
}

/** A new Pi payment payload for a pending order, on the order's price snapshot. */
export const payOrder = async (orderNumber: string) =>
  (await api.post<PayOrderResponse>(`/orders/${encodeURIComponent(orderNumber)}/pay`)).data;

export const approvePayment = async (paymentId: string) =>
  (await api.post<PiCallbackResult>('/pi/approve', { paymentId })).data;

export const completePayment = async (paymentId: string, txid: string) =>
  (await api.post<PiCallbackResult>('/pi/complete', { paymentId, txid })).data;

export const cancelPayment = async (paymentId: string) =>
  (await api.post<PiCallbackResult>('/pi/cancel', { paymentId })).data;

export const reportIncompletePayment = async (payment: PaymentDTO) =>
  (await api.post<PiCallbackResult>('/pi/incomplete', { payment })).data;

/**
 * Settles every payment the SDK reported as incomplete, one after the other, and waits for
 * the server's answers. A 4xx means the server settled it one way or another (completed,
 * cancelled, or not ours); a network or server failure is thrown, as Pi would refuse the
 * next payment while the old one is open.
 */
export async function settleIncompletePayments(payments: PaymentDTO[]): Promise<void> {
  for (const payment of payments) {
    try {
      await reportIncompletePayment(payment);
    } catch (error) {
      if (!isClientError(error)) throw error;
    }
  }
}
