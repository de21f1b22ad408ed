import { Keypair } from '@stellar/stellar-sdk';
import { type HorizonTransaction, PI_SANDBOX_DEV_APP_WALLET_ADDRESS, type PaymentDTO, type SandboxUser, buildPiSandbox } from '../src';
import { API_KEY, type Running, balanceOf, failure, paymentAt, startSandbox } from './helpers';
import { appPaymentEnvelope, appWallet } from './stellar-helpers';

const APP = PI_SANDBOX_DEV_APP_WALLET_ADDRESS;

describe('App-to-User payments on the Platform API', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.app.close());

  const refund = (user: SandboxUser, amount: number | string = 1.5) =>
    sb.platform.createAppToUser({ amount: amount as number, memo: 'Refund A-1', metadata: { order_number: 'A-1' }, uid: user.uid });

  it('creates an approved payment from the app wallet to the Pioneer, as Pi does', async () => {
    const user = await sb.client.createUser();
    const payment = await refund(user);
    expect(payment).toEqual({
      identifier: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
      user_uid: user.uid,
      amount: 1.5,
      memo: 'Refund A-1',
      metadata: { order_number: 'A-1' },
      from_address: APP,
      to_address: user.walletAddress,
      direction: 'app_to_user',
      created_at: expect.any(String),
      network: 'Pi Testnet',
      status: { developer_approved: true, transaction_verified: false, developer_completed: false, cancelled: false, user_cancelled: false },
      transaction: null,
    });
    expect((await failure(sb.platform.approve(payment.identifier))).body).toMatchObject({ error: 'already_approved' });
    // The app, not the Pioneer, pays A2U: the wallet side has nothing to do with it.
    expect((await failure(sb.client.submit(payment.identifier))).body).toMatchObject({ error: 'invalid_arguments' });
    await sb.platform.cancel(payment.identifier);
  });

  it("refuses as Pi does: bad key, malformed body, unknown uid, bad amount or metadata, an ongoing payment", async () => {
    const user = await sb.client.createUser();
    expect((await failure(sb.client.platform('wrong').createAppToUser({ amount: 1, memo: 'm', metadata: {}, uid: user.uid }))).status).toBe(401);
    const post = (body: unknown) =>
      fetch(`${sb.baseUrl}/v2/payments`, {
        method: 'POST',
        headers: { authorization: `Key ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, body: await res.json() }));
    expect(await post({ amount: 1, memo: 'm', uid: user.uid })).toMatchObject({ status: 400, body: { error: 'invalid_arguments' } });
    expect(await post({ payment: { amount: 1, memo: 'm', metadata: {}, uid: 'nobody' } })).toMatchObject({ status: 404, body: { error: 'user_not_found' } });
    expect(await post({ payment: { amount: 0.12345678, memo: 'm', metadata: {}, uid: user.uid } })).toMatchObject({ status: 400, body: { error: 'invalid_amount' } });
    expect(await post({ payment: { amount: 1, memo: 'm', metadata: [], uid: user.uid } })).toMatchObject({ status: 400, body: { error: 'invalid_metadata' } });
    expect(await post({ payment: { amount: 1, memo: 7, metadata: {}, uid: user.uid } })).toMatchObject({ status: 400, body: { error: 'invalid_arguments' } });

    const open = await refund(user);
    const err = await failure(refund(user));
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({ error: 'ongoing_payment_found', payment: { identifier: open.identifier } });
    await sb.platform.cancel(open.identifier);
    expect((await refund(user)).identifier).not.toBe(open.identifier);
  });

  it('lists the open A2U payments in incomplete_server_payments, and only those', async () => {
    const [a, b, c] = [await sb.client.createUser(), await sb.client.createUser(), await sb.client.createUser()];
    const open = await refund(a);
    const cancelled = await refund(b);
    await sb.platform.cancel(cancelled.identifier);
    await paymentAt(sb, 'submitted'); // a user-to-app payment is never a server payment
    const paid = await refund(c, '0.5');
    const { hash } = await sb.client.ledger.submit(await appPaymentEnvelope(sb, { destination: c.walletAddress, amount: '0.5', memo: paid.identifier }));
    const ids = (await sb.platform.incompleteServerPayments()).incomplete_server_payments.map((p: PaymentDTO) => p.identifier);
    expect(ids).toContain(open.identifier);
    expect(ids).toContain(paid.identifier);
    expect(ids).not.toContain(cancelled.identifier);
    await sb.platform.complete(paid.identifier, hash);
    await sb.platform.cancel(open.identifier);
    const after = (await sb.platform.incompleteServerPayments()).incomplete_server_payments.map((p: PaymentDTO) => p.identifier);
    expect(after).not.toContain(open.identifier);
    expect(after).not.toContain(paid.identifier);
  });

  it('completes only with the transaction on the ledger that pays it', async () => {
    const user = await sb.client.createUser();
    const payment = await refund(user, '3');
    expect((await failure(sb.platform.complete(payment.identifier, 'a'.repeat(64)))).body).toMatchObject({ error: 'not_verified' });
    const tx = await sb.client.ledger.submit(await appPaymentEnvelope(sb, { destination: user.walletAddress, amount: '3', memo: payment.identifier }));
    expect((await sb.platform.get(payment.identifier)).transaction).toEqual({
      txid: tx.hash,
      verified: true,
      _link: `${sb.baseUrl}/ledger/transactions/${tx.hash}`,
    });
    expect((await failure(sb.platform.complete(payment.identifier, 'b'.repeat(64)))).body).toMatchObject({ error: 'txid_mismatch' });
    expect((await failure(sb.platform.cancel(payment.identifier))).body).toMatchObject({ error: 'payment_tx_present' });
    expect((await sb.platform.complete(payment.identifier, tx.hash)).status).toMatchObject({ transaction_verified: true, developer_completed: true });
    expect((await failure(sb.platform.complete(payment.identifier, tx.hash))).body).toMatchObject({ error: 'already_completed' });
  });
});

describe('the Horizon-compatible ledger', () => {
  let sb: Running;
  let user: SandboxUser;
  let payment: PaymentDTO;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  beforeEach(async () => {
    user = await sb.client.createUser();
    payment = await sb.platform.createAppToUser({ amount: 2.5, memo: 'Refund', metadata: {}, uid: user.uid });
  });
  afterEach(async () => {
    const { status, transaction } = await sb.platform.get(payment.identifier);
    if (transaction === null && !status.cancelled) await sb.platform.cancel(payment.identifier);
  });
  afterAll(() => sb.app.close());

  const pay = (overrides: Partial<Parameters<typeof appPaymentEnvelope>[1]> = {}) =>
    appPaymentEnvelope(sb, { destination: user.walletAddress, amount: '2.5', memo: payment.identifier, ...overrides });

  it('answers the root with the network passphrase, and dates its answers with the sandbox clock', async () => {
    const root = await sb.client.ledger.root();
    expect(root).toMatchObject({ network_passphrase: 'Pi Testnet', history_latest_ledger: expect.any(Number), core_latest_ledger: expect.any(Number) });
    const { now } = await sb.client.freezeClock();
    try {
      await sb.client.advanceClock(86_400_000);
      const res = await fetch(`${sb.baseUrl}/ledger`);
      // HTTP dates have whole seconds.
      expect(Date.parse(String(res.headers.get('date')))).toBe(Math.floor((Date.parse(now) + 86_400_000) / 1000) * 1000);
    } finally {
      await sb.client.freezeClock(false);
    }
  });

  it('reads accounts as Horizon does: sequence as a string, native balance with 7 decimals', async () => {
    const app = await sb.client.ledger.account(APP);
    expect(app).toMatchObject({ id: APP, account_id: APP, sequence: expect.stringMatching(/^\d+$/), subentry_count: 0 });
    expect(app.balances).toEqual([{ balance: expect.stringMatching(/^\d+\.\d{7}$/), buying_liabilities: '0.0000000', selling_liabilities: '0.0000000', asset_type: 'native' }]);
    expect((await sb.client.ledger.account(user.walletAddress)).balances[0].balance).toBe('100000.0000000');
    const unknown = await fetch(`${sb.baseUrl}/ledger/accounts/${Keypair.random().publicKey()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await failure(sb.client.ledger.account('not-an-account'))).status).toBe(400);
  });

  it('reports fee stats in Horizon\'s shape, at Pi\'s base fee of 0.01 π', async () => {
    const stats = await sb.client.ledger.feeStats();
    expect(stats).toMatchObject({ last_ledger: expect.stringMatching(/^\d+$/), last_ledger_base_fee: '100000' });
    for (const key of ['min', 'max', 'mode', 'p10', 'p20', 'p30', 'p40', 'p50', 'p60', 'p70', 'p80', 'p90', 'p95', 'p99'] as const) {
      expect(stats.fee_charged[key]).toBe('100000');
      expect(stats.max_fee[key]).toBe('100000');
    }
  });

  it('takes a signed payment as a form, moves exactly the amount (the app also pays the fee), bumps the sequence', async () => {
    const [appBefore, userBefore, seqBefore] = [await balanceOf(sb, APP), await balanceOf(sb, user.walletAddress), (await sb.client.ledger.account(APP)).sequence];
    const envelope = await pay();
    const res = await fetch(`${sb.baseUrl}/ledger/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `tx=${encodeURIComponent(envelope)}`,
    });
    expect(res.status).toBe(200);
    const tx = (await res.json()) as HorizonTransaction;
    expect(tx).toMatchObject({
      successful: true,
      source_account: APP,
      source_account_sequence: (BigInt(seqBefore) + 1n).toString(),
      fee_charged: '100000',
      operation_count: 1,
      memo_type: 'text',
      memo: payment.identifier,
      envelope_xdr: envelope,
      result_xdr: expect.any(String),
    });
    expect(userBefore.plus('2.5').equals(await balanceOf(sb, user.walletAddress))).toBe(true);
    expect(appBefore.minus('2.51').equals(await balanceOf(sb, APP))).toBe(true);
    expect((await sb.client.ledger.account(APP)).sequence).toBe((BigInt(seqBefore) + 1n).toString());
    const [op] = (await sb.client.ledger.operations(tx.hash))._embedded.records;
    expect(op).toMatchObject({ type: 'payment', from: APP, to: user.walletAddress, amount: '2.5000000', asset_type: 'native', transaction_successful: true });

    // Horizon answers a transaction it already has with its result: a retry never pays twice.
    const again = await sb.client.ledger.submit(envelope);
    expect(again.hash).toBe(tx.hash);
    expect(userBefore.plus('2.5').equals(await balanceOf(sb, user.walletAddress))).toBe(true);
  });

  describe('refuses with 400 problem+json and changes nothing', () => {
    async function expectRefused(envelope: string | undefined, expected: object) {
      const [appBefore, account] = [await balanceOf(sb, APP), await sb.client.ledger.account(APP)];
      const res = await fetch(`${sb.baseUrl}/ledger/transactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: envelope === undefined ? '' : new URLSearchParams({ tx: envelope }).toString(),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 400, ...expected });
      expect((await balanceOf(sb, APP)).equals(appBefore)).toBe(true);
      expect((await sb.client.ledger.account(APP)).sequence).toBe(account.sequence);
      expect((await sb.platform.get(payment.identifier)).transaction).toBeNull();
    }
    const codes = (transaction: string, operations?: string[]) => ({
      type: 'https://stellar.org/horizon-errors/transaction_failed',
      extras: expect.objectContaining({ result_codes: operations ? { transaction, operations } : { transaction }, result_xdr: expect.any(String) }),
    });

    it('no tx field, or bytes that are not an envelope', async () => {
      await expectRefused(undefined, { type: 'https://stellar.org/horizon-errors/bad_request', extras: { invalid_field: 'tx' } });
      await expectRefused('bm90IGFuIGVudmVsb3Bl', {
        type: 'https://stellar.org/horizon-errors/transaction_malformed',
        extras: { envelope_xdr: 'bm90IGFuIGVudmVsb3Bl' },
      });
    });

    it("a signature that is not the app wallet's, or made for another network", async () => {
      await expectRefused(await pay({ signer: Keypair.random() }), codes('tx_bad_auth'));
      await expectRefused(await pay({ passphrase: 'Pi Network' }), codes('tx_bad_auth'));
    });

    it('a sequence number that is not the next one', async () => {
      await expectRefused(await pay({ sequenceSkip: 1n }), codes('tx_bad_seq'));
    });

    it('a fee below the base fee, or time bounds already past on the sandbox clock', async () => {
      await expectRefused(await pay({ fee: '99999' }), codes('tx_insufficient_fee'));
      const now = Math.floor(Date.parse((await sb.client.clock()).now) / 1000);
      await expectRefused(await pay({ timebounds: { minTime: 0, maxTime: now - 10 } }), codes('tx_too_late'));
    });

    it('a transaction that does not pay the A2U payment exactly (memo, amount, destination, one operation)', async () => {
      const other = await sb.client.createUser();
      const u2a = await paymentAt(sb, 'created');
      await expectRefused(await pay({ memo: u2a.payment.identifier }), codes('tx_failed', ['op_malformed']));
      await expectRefused(await pay({ memo: undefined }), codes('tx_failed', ['op_malformed']));
      await expectRefused(await pay({ amount: '2.4999999' }), codes('tx_failed', ['op_malformed']));
      await expectRefused(await pay({ destination: other.walletAddress }), codes('tx_failed', ['op_malformed']));
      await expectRefused(
        await pay({ extraPayment: { destination: other.walletAddress, amount: '1' } }),
        codes('tx_failed', ['op_malformed', 'op_malformed']),
      );
    });

    it('a payment that is cancelled', async () => {
      await sb.platform.cancel(payment.identifier);
      await expectRefused(await pay(), { extras: expect.objectContaining({ pi_sandbox_reason: expect.stringMatching(/cancelled/) }) });
    });
  });

  it('refuses a second transaction for a payment that already has one', async () => {
    const first = await sb.client.ledger.submit(await pay());
    const err = await failure(sb.client.ledger.submit(await pay()));
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({ extras: { pi_sandbox_reason: expect.stringContaining(first.hash) } });
    expect((await sb.platform.get(payment.identifier)).transaction?.txid).toBe(first.hash);
  });

  it('records an underfunded payment as failed: 400 tx_failed/op_underfunded, fee charged, sequence used, not linked', async () => {
    const big = await sb.platform.createAppToUser({ amount: 5_000_000, memo: 'Too much', metadata: {}, uid: (await sb.client.createUser()).uid });
    const to = big.to_address;
    const [appBefore, seqBefore] = [await balanceOf(sb, APP), (await sb.client.ledger.account(APP)).sequence];
    const err = await failure(sb.client.ledger.submit(await appPaymentEnvelope(sb, { destination: to, amount: '5000000', memo: big.identifier })));
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({ extras: { result_codes: { transaction: 'tx_failed', operations: ['op_underfunded'] } } });
    expect(appBefore.minus('0.01').equals(await balanceOf(sb, APP))).toBe(true);
    expect((await sb.client.ledger.account(APP)).sequence).toBe((BigInt(seqBefore) + 1n).toString());
    expect((await sb.platform.get(big.identifier)).transaction).toBeNull();
    await sb.platform.cancel(big.identifier);
  });

  it('signs with the seed it was given: another wallet, another network', async () => {
    const seed = Keypair.random();
    const mainnet = await startSandbox({ appWalletSeed: seed.secret(), network: 'Pi Network' });
    try {
      const pioneer = await mainnet.client.createUser();
      const a2u = await mainnet.platform.createAppToUser({ amount: 1, memo: 'm', metadata: {}, uid: pioneer.uid });
      expect(a2u).toMatchObject({ from_address: seed.publicKey(), network: 'Pi Network' });
      expect((await mainnet.client.ledger.root()).network_passphrase).toBe('Pi Network');
      expect((await mainnet.client.config()).appWalletAddress).toBe(seed.publicKey());
      expect(appWallet.publicKey()).not.toBe(seed.publicKey());
    } finally {
      await mainnet.app.close();
    }
  });

  it('still takes a receive-only app wallet address (deprecated): payments go to it, nothing can sign for it', async () => {
    const address = Keypair.random().publicKey();
    const receiving = await startSandbox({ appWalletAddress: address });
    try {
      const { payment } = await paymentAt(receiving, 'created');
      expect(payment.to_address).toBe(address);
      const pioneer = await receiving.client.createUser();
      const a2u = await receiving.platform.createAppToUser({ amount: 1, memo: 'm', metadata: {}, uid: pioneer.uid });
      const envelope = await appPaymentEnvelope(receiving, { destination: pioneer.walletAddress, amount: '1', memo: a2u.identifier }).catch((e: unknown) => e);
      // The development wallet signing for it has no account on this ledger.
      expect(envelope).toMatchObject({ response: { status: 404 } });
    } finally {
      await receiving.app.close();
    }
    const mismatched = buildPiSandbox({ apiKey: 'k', appWalletAddress: address, appWalletSeed: Keypair.random().secret() });
    await expect(mismatched.ready()).rejects.toThrow(/public key/);
    await mismatched.close();
  });
});
