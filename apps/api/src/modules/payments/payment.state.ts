import { ErrorCodes, type PaymentStatus } from '@pishop/shared';
import { stateMachine } from '../../lib/state-machine';

/**
 * pending (checkout) → initiated (approved with Pi) → confirmed (Pi's /complete answered 2xx);
 * pending/initiated → failed (cancelled, rejected, expired). confirmed and failed are terminal.
 */
export const paymentStateMachine = stateMachine<PaymentStatus>('payment', {
  pending: ['initiated', 'failed'],
  initiated: ['confirmed', 'failed'],
  confirmed: [],
  failed: [],
}, ErrorCodes.PAYMENT_INVALID_TRANSITION);

/** The states a payment passes through to reach `target` from `from` (empty when already there). */
export function pathTo(from: PaymentStatus, target: PaymentStatus): PaymentStatus[] {
  if (from === target) return [];
  if (paymentStateMachine.canTransition(from, target)) return [target];
  for (const via of paymentStateMachine.table[from]) {
    if (paymentStateMachine.canTransition(via, target)) return [via, target];
  }
  paymentStateMachine.transition(from, target); // throws the refusal
  return [];
}
