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

describe('HorizonClient: what a refund transaction needs', () => {
  const DATE = 'Wed, 01 Jan 2031 10:00:00 GMT';
  function horizon(handler: Parameters<typeof localServer>[0]) {
    return localServer(handler);
  }

  it('loads an account (sequence, native balance, the ledger clock) and the base fee', async () => {
    const srv = await horizon((req, res) => {
      if (req.url === '/ledger/accounts/GAPP') {
        res.writeHead(200, { 'content-type': 'application/json', date: DATE });
        return res.end(JSON.stringify({ id: 'GAPP', account_id: 'GAPP', sequence: '4294967297', balances: [{ asset_type: 'native', balance: '999.5000000' }] }));
      }
      if (req.url === '/ledger/fee_stats') return sendJson(res, 200, { last_ledger_base_fee: '100000' });
      sendJson(res, 404, { type: 'not_found', status: 404 });
    });
    try {
      const h = new HorizonClient({ baseUrl: `${srv.url}/ledger`, backoffMs: 1 });
      await expect(h.account('GAPP')).resolves.toEqual({ account: { id: 'GAPP', sequence: '4294967297', balance: '999.5000000' }, serverTime: new Date(DATE) });
      await expect(h.account('GNOBODY')).resolves.toBeNull();
      await expect(h.baseFee()).resolves.toBe(100000);
    } finally {
      await srv.close();
    }
  });

  it('submits the envelope as a form field and returns refusals with their result codes; an outage throws', async () => {
    let answer: [number, object] = [200, { hash: 'h1', successful: true }];
    const srv = await horizon((_req, res) => sendJson(res, answer[0], answer[1]));
    try {
      const h = new HorizonClient({ baseUrl: `${srv.url}/ledger`, backoffMs: 1, retries: 1 });
      await expect(h.submit('AAAA+/=')).resolves.toEqual({ ok: true, hash: 'h1', successful: true });
      expect(srv.seen[0]).toMatchObject({ method: 'POST', url: '/ledger/transactions', body: 'tx=AAAA%2B%2F%3D' });
      expect(srv.seen[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
      answer = [400, { title: 'Transaction Failed', detail: 'bad seq', extras: { result_codes: { transaction: 'tx_bad_seq' } } }];
      await expect(h.submit('AAAA')).resolves.toEqual({ ok: false, status: 400, transactionCode: 'tx_bad_seq', operationCodes: [], detail: 'bad seq' });
      answer = [503, { title: 'Service Unavailable' }];
      await expect(h.submit('AAAA')).rejects.toBeInstanceOf(HorizonUnavailableError);
    } finally {
      await srv.close();
    }
  });

  it('reads the network passphrase and whether history has caught up with the network from the root', async () => {
    let root: object = { network_passphrase: 'Pi Network', history_latest_ledger: 41, core_latest_ledger: 42 };
    const srv = await horizon((_req, res) => sendJson(res, 200, root));
    try {
      const h = new HorizonClient({ baseUrl: `${srv.url}/ledger`, backoffMs: 1 });
      await expect(h.networkPassphrase()).resolves.toBe('Pi Network');
      await expect(h.historyCaughtUp()).resolves.toBe(false);
      root = { history_latest_ledger: 42, core_latest_ledger: 42 };
      await expect(h.historyCaughtUp()).resolves.toBe(true);
      await expect(h.networkPassphrase()).resolves.toBeNull();
      root = {}; // a Horizon that does not say: not taken as caught up
      await expect(h.historyCaughtUp()).resolves.toBe(false);
    } finally {
      await srv.close();
    }
  });
});
