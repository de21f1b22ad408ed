import { ErrorCodes, type RefundStatus } from '@pishop/shared';
import { stateMachine } from '../../../lib/state-machine';

/**
 * pending (recorded; the A2U payment is created with Pi) → submitted (the transaction is signed,
 * its hash recorded, and sent to the ledger) → completed (Pi's /complete answered 2xx);
 * pending/submitted → failed (Pi or the ledger refused for good; nothing was paid).
 * completed and failed are terminal. A submitted envelope that can never land (its time bounds
 * passed, its sequence was used) is replaced by a new one without leaving `submitted`.
 */
export const refundStateMachine = stateMachine<RefundStatus>('refund', {
  pending: ['submitted', 'failed'],
  submitted: ['completed', 'failed'],
  completed: [],
  failed: [],
}, ErrorCodes.REFUND_INVALID_TRANSITION);

/** States whose refund still counts against what the payment can give back. */
export const REFUND_COUNTED_STATUSES: RefundStatus[] = ['pending', 'submitted', 'completed'];
