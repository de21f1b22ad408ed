import type { BadTransactionFault } from '../src';
import { type Running, balanceOf, failure, paymentAt, startSandbox } from './helpers';

// The wallet puts a transaction on the chain that does not pay the payment as it should; Pi
// reports `verified: false` unless the fault says Pi failed to notice.
describe('bad transactions from the wallet (badTransaction fault)', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterEach(() => sb.client.resetFaults());
  afterAll(() => sb.app.close());

  async function badlyPaid(kind: BadTransactionFault['kind'], verified?: boolean) {
    const { user, payment } = await paymentAt(sb, 'approved', '2.5');
    await sb.client.setFaults({ badTransaction: verified === undefined ? { kind } : { kind, verified } });
    const { txid } = await sb.client.submit(payment.identifier);
    const [tx, ops, pi] = await Promise.all([
      sb.client.ledger.transaction(txid),
      sb.client.ledger.operations(txid),
      sb.platform.get(payment.identifier),
    ]);
    return { user, payment, txid, tx, op: ops._embedded.records[0], pi };
  }

  it.each([
    ['wrong_memo', /memo/],
    ['wrong_amount', /amount is 2.4999999/],
    ['wrong_destination', /goes to G/],
    ['failed', /failed/],
  ] as const)('%s: linked as unverified, and /complete answers verification_failed', async (kind, why) => {
    const { payment, txid, tx, op, pi } = await badlyPaid(kind);
    expect(pi.transaction).toMatchObject({ txid, verified: false });
    expect(pi.status).toMatchObject({ developer_approved: true, transaction_verified: false, developer_completed: false });

    if (kind === 'wrong_memo') expect(tx.memo).not.toBe(payment.identifier);
    else expect(tx.memo).toBe(payment.identifier);
    expect(op.amount).toBe(kind === 'wrong_amount' ? '2.4999999' : '2.5000000');
    if (kind === 'wrong_destination') expect(op.to).not.toBe(payment.to_address);
    else expect(op.to).toBe(payment.to_address);
    expect(tx.successful).toBe(kind !== 'failed');

    const err = await failure(sb.platform.complete(payment.identifier, txid));
    expect(err.status).toBe(400);
    expect(err.body).toEqual({ error: 'verification_failed', error_message: expect.any(String), verification_error: expect.stringMatching(why) });
    expect((await sb.platform.get(payment.identifier)).status.developer_completed).toBe(false);
    // The payment has its transaction: it can be neither cancelled nor paid again.
    expect((await failure(sb.platform.cancel(payment.identifier))).body).toMatchObject({ error: 'payment_tx_present' });
  });

  it('failed: charges the payer only the fee, and pays the app nothing', async () => {
    const { user, payment } = await paymentAt(sb, 'approved', '2.5');
    const [payerBefore, appBefore] = [await balanceOf(sb, user.walletAddress), await balanceOf(sb, payment.to_address)];
    await sb.client.setFaults({ badTransaction: { kind: 'failed' } });
    const { txid } = await sb.client.submit(payment.identifier);
    expect(payerBefore.minus(await balanceOf(sb, user.walletAddress)).toFixed(7)).toBe('0.0100000');
    expect((await balanceOf(sb, payment.to_address)).equals(appBefore)).toBe(true);
    expect(await sb.client.ledger.transaction(txid)).toMatchObject({ successful: false, fee_charged: '100000' });
  });

  it('verified: true plays a Pi that did not notice: only the ledger shows the wrong amount', async () => {
    const { payment, txid, op, pi } = await badlyPaid('wrong_amount', true);
    expect(pi.transaction).toMatchObject({ txid, verified: true });
    expect(pi.status.transaction_verified).toBe(true);
    expect(op.amount).toBe('2.4999999');
    expect((await sb.platform.complete(payment.identifier, txid)).status.developer_completed).toBe(true);
  });

  it('is used up after `times` submissions', async () => {
    await sb.client.setFaults({ badTransaction: { kind: 'wrong_memo', times: 2 } });
    const verdicts: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const { payment } = await paymentAt(sb, 'approved');
      await sb.client.submit(payment.identifier);
      verdicts.push((await sb.platform.get(payment.identifier)).status.transaction_verified);
    }
    expect(verdicts).toEqual([false, false, true]);
    expect((await sb.client.config()).faults).toEqual({});
  });

  it('is not used up by a submission the wallet refuses', async () => {
    const { payment } = await paymentAt(sb, 'created');
    await sb.client.setFaults({ badTransaction: { kind: 'failed' } });
    expect((await failure(sb.client.submit(payment.identifier))).body).toMatchObject({ error: 'not_approved' });
    expect((await sb.client.config()).faults.badTransaction).toEqual({ kind: 'failed', verified: false, times: 1 });
  });
});
