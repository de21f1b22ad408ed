import { HorizonClient, HorizonUnavailableError, sameAmount } from '../../src/lib/pi-platform/horizon-client';
import { closedPort, localServer, sendJson } from './local-server';

const TXID = 'a'.repeat(64);
const APP = 'GAPPWALLET';

function ledger(overrides: { tx?: object; op?: object; ops?: object[] } = {}) {
  return localServer((req, res) => {
    if (req.url === `/ledger/transactions/${TXID}`) {
      return sendJson(res, 200, { id: TXID, hash: TXID, successful: true, memo_type: 'text', memo: 'pay_1', ...overrides.tx });
    }
    if (req.url.startsWith(`/ledger/transactions/${TXID}/operations`)) {
      const op = { id: '1', type: 'payment', asset_type: 'native', from: 'GUSER', to: APP, amount: '3.3333334', ...overrides.op };
      return sendJson(res, 200, { _embedded: { records: overrides.ops ?? [op] } });
    }
    sendJson(res, 404, { type: 'not_found', title: 'Resource Missing', status: 404 });
  });
}

const expected = { txid: TXID, paymentId: 'pay_1', toAddress: APP, fromAddress: 'GUSER', amount: '3.3333334' };

describe('HorizonClient.verify', () => {
  it('accepts the transaction that paid this payment', async () => {
    const srv = await ledger();
    try {
      const h = new HorizonClient({ baseUrl: `${srv.url}/ledger`, backoffMs: 1 });
      await expect(h.verify(expected)).resolves.toEqual({ ok: true });
      await expect(h.verify({ ...expected, amount: '3.33333340' })).resolves.toEqual({ ok: true });
    } finally {
      await srv.close();
    }
  });

  it.each([
    ['an unknown txid', {}, { txid: 'b'.repeat(64) }, /not on the ledger/],
    ['a malformed txid', {}, { txid: 'nope' }, /not a transaction hash/],
    ['a failed transaction', { tx: { successful: false } }, {}, /did not succeed/],
    ['another memo', { tx: { memo: 'pay_2' } }, {}, /memo/],
    ['another destination', { op: { to: 'GELSE' } }, {}, /app's wallet/],
    ['another payer', { op: { from: 'GSOMEONE' } }, {}, /payer's wallet/],
    ['a non-native asset', { op: { asset_type: 'credit_alphanum4' } }, {}, /native/],
    ['a different amount', { op: { amount: '3.3333333' } }, {}, /paid 3.3333333/],
    ['two payments', { ops: [{ type: 'payment' }, { type: 'payment' }] }, {}, /exactly one/],
  ])('refuses %s', async (_name, overrides, exp, reason) => {
    const srv = await ledger(overrides);
    try {
      const verdict = await new HorizonClient({ baseUrl: `${srv.url}/ledger`, backoffMs: 1 }).verify({ ...expected, ...exp });
      expect(verdict.ok).toBe(false);
      expect((verdict as { reason: string }).reason).toMatch(reason);
    } finally {
      await srv.close();
    }
  });

  it('reports an unreachable ledger as unavailable, not as a refusal', async () => {
    const url = await closedPort();
    await expect(new HorizonClient({ baseUrl: url, backoffMs: 1, retries: 0 }).verify(expected)).rejects.toBeInstanceOf(HorizonUnavailableError);
  });

  it('reports a ledger 5xx as unavailable', async () => {
    const srv = await localServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<title>oops</title>');
    });
    try {
      const err = await new HorizonClient({ baseUrl: srv.url, backoffMs: 1, retries: 1 }).verify(expected).catch((e) => e);
      expect(err).toBeInstanceOf(HorizonUnavailableError);
      expect(err.message).toContain('500');
      expect(srv.seen).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });
});

describe('sameAmount', () => {
  it('compares decimals exactly', () => {
    expect(sameAmount(0.1 + 0.2, '0.3')).toBe(false); // the float 0.30000000000000004 is not 0.3
    expect(sameAmount(3.3333334, '3.3333334')).toBe(true);
    expect(sameAmount('1.0000000', '1')).toBe(true);
    expect(sameAmount('1.0000001', '1')).toBe(false);
    expect(sameAmount('abc', '1')).toBe(false);
  });
});
