import type { AdminRefund } from '@pishop/shared';
import { refundErrorText, refundKeys, refundOutcomeText } from '../refund-messages';

const refusal = (code: string, details?: object, errors?: Record<string, string>) =>
  Object.assign(new Error('HTTP error'), { body: { error: { code, message: `refused: ${code}`, details }, errors } });

test('explains each refusal by its error code', () => {
  expect(refundErrorText(refusal('REFUNDS_DISABLED'))).toBe('Refunds are off on this server. refused: REFUNDS_DISABLED');
  expect(refundErrorText(refusal('REFUNDS_WALLET_MISMATCH'))).toBe('Refunds are off on this server. refused: REFUNDS_WALLET_MISMATCH');
  expect(refundErrorText(refusal('REFUND_EXCEEDS_PAYMENT', { availablePi: '20' }))).toBe('At most 20 π can still be refunded for this payment.');
  expect(refundErrorText(refusal('REFUND_EXCEEDS_PAYMENT', { availablePi: '0' }))).toBe('This payment is already refunded in full.');
  expect(refundErrorText(refusal('IDEMPOTENCY_KEY_REUSED'))).toMatch(/start again/);
  expect(refundErrorText(refusal('VALIDATION_FAILED', undefined, { amountPi: 'must be a π amount' }))).toBe('amountPi must be a π amount');
  expect(refundErrorText(refusal('REFUND_NOT_ALLOWED'))).toBe('refused: REFUND_NOT_ALLOWED');
  expect(refundErrorText(new Error('Failed to fetch'))).toBe('Failed to fetch');
});

test('tells a completed, a failed and an unfinished refund apart', () => {
  const base = { id: 5, amountPi: '2', txid: 'ab'.repeat(32), failureReason: null, lastError: null } as AdminRefund;
  expect(refundOutcomeText({ ...base, status: 'completed' })).toEqual({ type: 'success', text: `Refund sent: 2 π (transaction ${base.txid})` });
  expect(refundOutcomeText({ ...base, status: 'failed', failureReason: 'The ledger refused it' })).toEqual({ type: 'error', text: 'Refund failed, nothing was paid: The ledger refused it' });
  expect(refundOutcomeText({ ...base, status: 'submitted', lastError: { code: 'PI_UNAVAILABLE', message: 'Pi is down' } }).text).toBe(
    'Refund #5 recorded and submitted; it is finished automatically (PI_UNAVAILABLE: Pi is down)',
  );
});

test('one key per figures: a retry reuses it, other figures get another', () => {
  let n = 0;
  const keys = refundKeys(() => `key-${++n}`);
  expect(keys.for('33.3333334', 'Paid twice')).toBe('key-1');
  expect(keys.for('33.3333334', 'Paid twice')).toBe('key-1');
  expect(keys.for('20', 'Paid twice')).toBe('key-2');
  expect(keys.for('33.3333334', 'Paid twice')).toBe('key-1');
  expect(refundKeys(() => 'fresh').for('33.3333334', 'Paid twice')).toBe('fresh');
});
