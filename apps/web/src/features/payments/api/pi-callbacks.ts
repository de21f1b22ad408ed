import type { CheckoutResponse, PiCallbackResult } from '@pishop/shared';
import { api } from '../../../lib/api-client';
import type { PiPaymentDTO } from '../../../lib/pi-sdk';

/** Checkout with an idempotency key, so a retried click never creates a second order. */
export async function checkout(serviceSlug: string, idempotencyKey: string): Promise<CheckoutResponse> {
  const { data } = await api.post<CheckoutResponse>('/orders/checkout', { serviceSlug }, { headers: { 'Idempotency-Key': idempotencyKey } });
  return data;
}

export const approvePayment = async (paymentId: string) =>
  (await api.post<PiCallbackResult>('/pi/approve', { paymentId })).data;

export const completePayment = async (paymentId: string, txid: string) =>
  (await api.post<PiCallbackResult>('/pi/complete', { paymentId, txid })).data;

export const cancelPayment = async (paymentId: string) =>
  (await api.post<PiCallbackResult>('/pi/cancel', { paymentId })).data;

export const reportIncompletePayment = async (payment: PiPaymentDTO) =>
  (await api.post<PiCallbackResult>('/pi/incomplete', { payment })).data;
