import type { PiErrorCode } from '@pishop/pi-protocol';
import type { SandboxErrorCode } from '../types';
import { PiError } from './errors';
import { type PaymentRecord, type Phase, phaseOf } from './payment-record';

export type Action = 'approve' | 'submit' | 'complete' | 'cancel' | 'userCancel' | 'expire';

/** A refused transition: Pi's error code and why. */
interface Refusal {
  code: PiErrorCode | SandboxErrorCode;
  message: string;
}

const approvedAlready: Refusal = { code: 'already_approved', message: 'Payment is already approved' };
const completedAlready: Refusal = { code: 'already_completed', message: 'Payment is already completed' };
const cancelled: Refusal = { code: 'cancelled_payment', message: 'Payment has been cancelled' };
const txPresent: Refusal = {
  code: 'payment_tx_present',
  message: 'A blockchain transaction was already submitted for this payment',
};
const notApproved: Refusal = {
  code: 'not_approved',
  message: 'Payment has not been approved by the developer',
};
const notVerified: Refusal = {
  code: 'not_verified',
  message: 'No verified blockchain transaction exists for this payment yet',
};
const closed = { completed: completedAlready, cancelled, user_cancelled: cancelled };

/**
 * Every action against every phase: the phase it leads to, or Pi's refusal. This table is
 * the whole payment lifecycle; `transition` only reads it.
 */
export const TRANSITIONS: Record<Action, Record<Phase, Phase | Refusal>> = {
  approve: { created: 'approved', approved: approvedAlready, submitted: approvedAlready, ...closed },
  submit: { created: notApproved, approved: 'submitted', submitted: txPresent, ...closed },
  complete: { created: notVerified, approved: notVerified, submitted: 'completed', ...closed },
  cancel: { created: 'cancelled', approved: 'cancelled', submitted: txPresent, ...closed },
  userCancel: { created: 'user_cancelled', approved: 'user_cancelled', submitted: txPresent, ...closed },
  // The approval window runs out before approval, or (counted from approval) before the Pioneer signs.
  expire: { created: 'cancelled', approved: 'cancelled', submitted: txPresent, ...closed },
};

/** Returns the phase `action` leads to, or throws Pi's 400 refusal. */
export function transition(payment: PaymentRecord, action: Action): Phase {
  const outcome = TRANSITIONS[action][phaseOf(payment)];
  if (typeof outcome === 'string') return outcome;
  throw new PiError(400, outcome.code, outcome.message, carriesPayment(action, outcome) ? payment : undefined);
}

// Pi's cancel refusals for a closed payment carry the payment, so the caller can settle from it.
const carriesPayment = (action: Action, refusal: Refusal): boolean =>
  (action === 'cancel' || action === 'userCancel') && refusal !== txPresent;

/** Sets the flag that marks `phase`; the submitted phase's txid is the caller's to set. */
export function enterPhase(payment: PaymentRecord, phase: Phase): void {
  const flags: Partial<Record<Phase, keyof PaymentRecord['status']>> = {
    approved: 'developer_approved',
    completed: 'developer_completed',
    cancelled: 'cancelled',
    user_cancelled: 'user_cancelled',
  };
  const flag = flags[phase];
  if (flag) payment.status[flag] = true;
}
