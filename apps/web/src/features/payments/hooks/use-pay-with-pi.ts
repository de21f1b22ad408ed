import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import { authenticateWithPi, createPiPayment, type PiSdkSettings } from '../../../lib/pi-sdk';
import { approvePayment, cancelPayment, checkout, completePayment, reportIncompletePayment } from '../api/pi-callbacks';

export type PayStep = 'idle' | 'connecting' | 'approving' | 'in-wallet' | 'completing' | 'paid' | 'cancelled' | 'error';

/** While one of these runs, a second click would start a second payment. */
const BUSY_STEPS: PayStep[] = ['connecting', 'approving', 'in-wallet', 'completing'];

export interface PayState {
  step: PayStep;
  orderNumber?: string;
  error?: string;
}

/**
 * Runs one Pi payment for a service: Pi sign-in (reporting a payment left incomplete),
 * checkout, then the SDK's approval and completion callbacks answered by our server.
 */
export function usePayWithPi(serviceSlug: string, sdk: PiSdkSettings | undefined) {
  const [state, setState] = useState<PayState>({ step: 'idle' });
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const queryClient = useQueryClient();

  const pay = useCallback(async () => {
    if (!sdk) return;
    const fail = (error: unknown) => setState((s) => ({ ...s, step: 'error', error: errorMessage(error) }));
    try {
      setState({ step: 'connecting' });
      await authenticateWithPi(sdk, (payment) => void reportIncompletePayment(payment).catch(() => undefined));
      const { order, payment } = await checkout(serviceSlug, idempotencyKey.current);
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
            void queryClient.invalidateQueries({ queryKey: ['orders'] });
          }, fail);
        },
        onCancel: (id) => {
          setState((s) => ({ ...s, step: 'cancelled' }));
          void cancelPayment(id).catch(() => undefined);
        },
        onError: (error) => fail(error),
      });
      // A new attempt after this one is a new checkout.
      idempotencyKey.current = crypto.randomUUID();
    } catch (error) {
      fail(error);
    }
  }, [sdk, serviceSlug, queryClient]);

  const busy = BUSY_STEPS.includes(state.step);
  return { state, pay, busy };
}
