import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CheckoutResponse } from '@pishop/shared';
import { authenticateWithPi, createPiPayment, PiSdkUnavailableError, type PiSdkSettings } from '../pi-sdk';
import { approvePayment, cancelPayment, checkout, completePayment, payOrder, settleIncompletePayments } from './pi-callbacks';
import { payErrorMessage } from './pay-errors';

export type PayStep =
  | 'idle'
  | 'connecting'
  | 'settling'
  | 'approving'
  | 'in-wallet'
  | 'completing'
  | 'paid'
  | 'cancelled'
  | 'error'
  /** Pi did not answer: the page is not open in Pi Browser. */
  | 'no-pi';

/** While one of these runs, a second click would start a second payment. */
const BUSY_STEPS: PayStep[] = ['connecting', 'settling', 'approving', 'in-wallet', 'completing'];

export interface PayState {
  step: PayStep;
  orderNumber?: string;
  error?: string;
}

/** What is paid: a service (checkout makes the order) or an existing pending order. */
export type PayTarget = { serviceSlug: string } | { orderNumber: string };

/**
 * Runs one Pi payment: Pi sign-in; every payment the SDK reports as incomplete is settled
 * with the server and awaited before a new one starts (Pi refuses a new payment while one
 * is open); then checkout (or a new payment on the same pending order) and the SDK's
 * approval and completion callbacks answered by our server. A second attempt after a
 * cancel or a failure pays the same order again, never a second order.
 */
export function usePayWithPi(target: PayTarget, sdk: PiSdkSettings | undefined) {
  const [state, setState] = useState<PayState>({
    step: 'idle',
    orderNumber: 'orderNumber' in target ? target.orderNumber : undefined,
  });
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const orderNumber = useRef<string | undefined>('orderNumber' in target ? target.orderNumber : undefined);
  const queryClient = useQueryClient();
  const serviceSlug = 'serviceSlug' in target ? target.serviceSlug : undefined;

  const pay = useCallback(async () => {
    if (!sdk) return;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      // A confirmed payment posts a system message: the unread badge and threads change.
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    };
    const fail = (error: unknown) => {
      const step: PayStep = error instanceof PiSdkUnavailableError ? 'no-pi' : 'error';
      setState((s) => ({ ...s, step, error: payErrorMessage(error) }));
      refresh();
    };
    try {
      setState((s) => ({ step: 'connecting', orderNumber: s.orderNumber }));
      const auth = await authenticateWithPi(sdk);
      let settled = auth.incomplete.length;
      if (settled > 0) {
        setState((s) => ({ ...s, step: 'settling' }));
        await settleIncompletePayments(auth.incomplete);
        refresh();
      }
      let started: CheckoutResponse;
      if (orderNumber.current) {
        started = await payOrder(orderNumber.current);
      } else {
        started = await checkout(serviceSlug!, idempotencyKey.current);
        orderNumber.current = started.order.number;
        // A new attempt on this order is a new payment on it, never a second checkout.
        idempotencyKey.current = crypto.randomUUID();
      }
      const { order, payment } = started;
      setState({ step: 'approving', orderNumber: order.number });
      await createPiPayment(sdk, payment, {
        onReadyForServerApproval: (id) => {
          approvePayment(id).then(() => setState((s) => ({ ...s, step: 'in-wallet' })), fail);
        },
        onReadyForServerCompletion: (id, txid) => {
          setState((s) => ({ ...s, step: 'completing' }));
          completePayment(id, txid).then((result) => {
            const confirmed = result.status === 'confirmed';
            const error = confirmed ? undefined : 'The payment is not confirmed yet; we keep checking with Pi.';
            setState((s) => ({ ...s, step: confirmed ? 'paid' : 'error', error }));
            refresh();
          }, fail);
        },
        onCancel: (id) => {
          setState((s) => ({ ...s, step: 'cancelled' }));
          void cancelPayment(id).catch(() => undefined).finally(refresh);
        },
        onError: (error) => {
          // Pi refused the payment because an older one is open, and reported that one: settle it.
          const found = auth.incomplete.slice(settled);
          settled = auth.incomplete.length;
          if (found.length === 0) return fail(error);
          setState((s) => ({ ...s, step: 'settling' }));
          void settleIncompletePayments(found).then(
            () => fail(new Error('An earlier payment was still open with Pi; it is settled now. Please press Pay again.')),
            fail,
          );
        },
      });
    } catch (error) {
      fail(error);
    }
  }, [sdk, serviceSlug, queryClient]);

  const busy = BUSY_STEPS.includes(state.step);
  return { state, pay, busy };
}
