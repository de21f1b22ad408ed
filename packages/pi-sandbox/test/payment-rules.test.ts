import { PiError } from '../src/core/errors';
import { type PaymentRecord, type Phase, isOpen, phaseOf } from '../src/core/payment-record';
import { type Action, TRANSITIONS, enterPhase, transition } from '../src/core/payment-rules';

/** A record in `phase`, built from Pi's flags the way the server would have left them. */
function recordIn(phase: Phase): PaymentRecord {
  const status = { developer_approved: false, transaction_verified: false, developer_completed: false, cancelled: false, user_cancelled: false };
  const record: PaymentRecord = {
    identifier: 'P'.repeat(28),
    direction: 'user_to_app',
    userUid: 'u',
    amount: '1',
    memo: 'm',
    metadata: {},
    fromAddress: 'GA',
    toAddress: 'GB',
    createdAt: new Date(),
    approvedAt: null,
    network: 'Pi Testnet',
    status,
    txid: null,
    mismatch: null,
  };
  if (phase !== 'created') status.developer_approved = true;
  if (['submitted', 'completed'].includes(phase)) {
    record.txid = 'f'.repeat(64);
    status.transaction_verified = true;
  }
  if (phase === 'completed') status.developer_completed = true;
  if (phase === 'cancelled') status.cancelled = true;
  if (phase === 'user_cancelled') status.user_cancelled = true;
  return record;
}

const PHASES: Phase[] = ['created', 'approved', 'submitted', 'completed', 'cancelled', 'user_cancelled'];
const ACTIONS = Object.keys(TRANSITIONS) as Action[];

describe('payment lifecycle table', () => {
  it.each(PHASES)('derives phase %s from the flags', (phase) => {
    expect(phaseOf(recordIn(phase))).toBe(phase);
    expect(isOpen(recordIn(phase))).toBe(['created', 'approved', 'submitted'].includes(phase));
  });

  // Walks every cell: allowed moves land in their phase, refusals are Pi's 400s and change nothing.
  describe.each(ACTIONS)('%s', (action) => {
    it.each(PHASES)('from %s', (phase) => {
      const record = recordIn(phase);
      const before = structuredClone(record);
      const outcome = TRANSITIONS[action][phase];
      if (typeof outcome === 'string') {
        const next = transition(record, action);
        enterPhase(record, next);
        if (next !== 'submitted') expect(phaseOf(record)).toBe(outcome);
      } else {
        let thrown: unknown;
        try {
          transition(record, action);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(PiError);
        expect(thrown).toMatchObject({ status: 400, code: outcome.code });
        expect(record).toEqual(before);
      }
    });
  });

  it("matches Pi's documented answers", () => {
    const codeOf = (action: Action, phase: Phase) => {
      const outcome = TRANSITIONS[action][phase];
      return typeof outcome === 'string' ? outcome : outcome.code;
    };
    expect(codeOf('approve', 'created')).toBe('approved');
    expect(codeOf('approve', 'approved')).toBe('already_approved');
    expect(codeOf('complete', 'submitted')).toBe('completed');
    expect(codeOf('complete', 'completed')).toBe('already_completed');
    expect(codeOf('complete', 'cancelled')).toBe('cancelled_payment');
    expect(codeOf('cancel', 'completed')).toBe('already_completed');
    expect(codeOf('cancel', 'submitted')).toBe('payment_tx_present');
    expect(codeOf('expire', 'created')).toBe('cancelled');
    expect(codeOf('expire', 'approved')).toBe('cancelled');
    expect(codeOf('expire', 'submitted')).toBe('payment_tx_present');
    // No action leaves a terminal phase.
    for (const action of ACTIONS) {
      for (const terminal of ['completed', 'cancelled', 'user_cancelled'] as Phase[]) {
        expect(typeof TRANSITIONS[action][terminal]).toBe('object');
      }
    }
  });

  it('puts the payment in cancel refusals for a closed payment, and only there', () => {
    const refusal = (action: Action, phase: Phase) => {
      try {
        transition(recordIn(phase), action);
      } catch (error) {
        return error as PiError;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('cancel', 'completed').payment?.identifier).toBe('P'.repeat(28));
    expect(refusal('cancel', 'cancelled').payment).toBeDefined();
    expect(refusal('cancel', 'submitted').payment).toBeUndefined();
    expect(refusal('approve', 'approved').payment).toBeUndefined();
  });
});
