import { type Running, balanceOf, failure, paymentAt, startSandbox } from './helpers';

const WINDOW_MS = 60_000;

describe('wallet side: what Pi enforces when a Pioneer pays', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox({ approvalTimeoutMs: WINDOW_MS });
  });
  afterAll(() => sb.app.close());

  const newPayment = async (accessToken: string, amount: number | string = 1, memo = 'Service') =>
    sb.client.createPayment({ accessToken, amount, memo, metadata: {} });

  describe('amounts', () => {
    it.each([0.12345678, '0.12345678', 1e-8])('refuses %p (8 decimals) with invalid_amount', async (amount) => {
      const user = await sb.client.createUser();
      const err = await failure(newPayment(user.accessToken, amount));
      expect(err.status).toBe(400);
      expect(err.body).toEqual({ error: 'invalid_amount', error_message: expect.stringContaining('7 decimals') });
    });

    it.each([0, -1, '-0.5', 'abc', '', null, Number.NaN, '1,5'])('refuses %p with invalid_amount', async (amount) => {
      const user = await sb.client.createUser();
      const err = await failure(newPayment(user.accessToken, amount as number));
      expect(err.status).toBe(400);
      expect(err.body).toMatchObject({ error: 'invalid_amount' });
    });

    it('keeps 7 decimals exactly, in the payment and on the ledger', async () => {
      const { payment, txid } = await paymentAt(sb, 'submitted', '0.0000001');
      expect(payment.amount).toBe(0.0000001);
      const [op] = (await sb.client.ledger.operations(txid!))._embedded.records;
      expect(op.amount).toBe('0.0000001');
    });

    it("a refused amount leaves the Pioneer's open payment alone", async () => {
      const { user, payment } = await paymentAt(sb, 'created');
      await failure(newPayment(user.accessToken, 0.12345678));
      expect((await sb.platform.get(payment.identifier)).status.cancelled).toBe(false);
    });
  });

  it('refuses a bad access token with 401 invalid_token', async () => {
    const err = await failure(newPayment('forged-token'));
    expect(err.status).toBe(401);
    expect(err.body).toMatchObject({ error: 'invalid_token' });
  });

  it('refuses a new payment while one with a transaction is open, carrying that payment', async () => {
    const { user, payment } = await paymentAt(sb, 'submitted');
    const err = await failure(newPayment(user.accessToken));
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({
      error: 'ongoing_payment_found',
      error_message: expect.any(String),
      payment: { identifier: payment.identifier, transaction: { txid: expect.any(String) } },
    });
  });

  it('lets the Pioneer pay again once the open payment is completed', async () => {
    const { user, payment, txid } = await paymentAt(sb, 'submitted');
    await sb.platform.complete(payment.identifier, txid!);
    expect((await newPayment(user.accessToken)).status.cancelled).toBe(false);
  });

  it('cancels open payments without a transaction when the Pioneer starts another', async () => {
    const user = await sb.client.createUser();
    const first = await newPayment(user.accessToken);
    const second = await newPayment(user.accessToken);
    await sb.platform.approve(second.identifier);
    const third = await newPayment(user.accessToken);
    expect((await sb.platform.get(first.identifier)).status).toMatchObject({ cancelled: true, user_cancelled: false });
    expect((await sb.platform.get(second.identifier)).status).toMatchObject({ cancelled: true, developer_approved: true });
    expect((await sb.platform.get(third.identifier)).status.cancelled).toBe(false);
  });

  it("does not touch another Pioneer's open payment", async () => {
    const { payment } = await paymentAt(sb, 'created');
    await newPayment((await sb.client.createUser()).accessToken);
    expect((await sb.platform.get(payment.identifier)).status.cancelled).toBe(false);
  });

  // The window runs on the sandbox clock: advancing it applies whatever became due before answering.
  describe('approval window', () => {
    const statusOf = async (id: string) => (await sb.platform.get(id)).status;
    // Frozen, the clock moves only when the test says: boundaries can be checked to the millisecond.
    beforeEach(() => sb.client.freezeClock());
    afterEach(() => sb.client.freezeClock(false));

    it('cancels an unapproved payment when the window runs out, not a millisecond before', async () => {
      const { payment } = await paymentAt(sb, 'created');
      await sb.client.advanceClock(WINDOW_MS - 1);
      expect((await statusOf(payment.identifier)).cancelled).toBe(false);
      await sb.client.advanceClock(1);
      expect(await statusOf(payment.identifier)).toMatchObject({ cancelled: true, developer_approved: false, user_cancelled: false });
      const err = await failure(sb.platform.approve(payment.identifier));
      expect(err.status).toBe(400);
      expect(err.body).toEqual({ error: 'cancelled_payment', error_message: expect.any(String) });
    });

    it('cancels an approved payment the Pioneer never signs, a window after approval', async () => {
      const { payment } = await paymentAt(sb, 'created');
      await sb.client.advanceClock(WINDOW_MS - 1);
      await sb.platform.approve(payment.identifier);
      await sb.client.advanceClock(WINDOW_MS - 1);
      expect((await statusOf(payment.identifier)).cancelled).toBe(false);
      await sb.client.advanceClock(1);
      expect(await statusOf(payment.identifier)).toMatchObject({ cancelled: true, developer_approved: true });
      expect((await failure(sb.client.submit(payment.identifier))).body).toMatchObject({ error: 'cancelled_payment' });
    });

    it('never cancels a payment whose transaction is on the chain', async () => {
      const { payment, txid } = await paymentAt(sb, 'submitted');
      await sb.client.advanceClock(10 * WINDOW_MS);
      expect((await statusOf(payment.identifier)).cancelled).toBe(false);
      expect((await sb.platform.complete(payment.identifier, txid!)).status.developer_completed).toBe(true);
    });

    it('expires on demand through the control API, as long as there is no transaction', async () => {
      const created = await paymentAt(sb, 'created');
      expect((await sb.client.expire(created.payment.identifier)).status).toMatchObject({ cancelled: true, developer_approved: false });
      const approved = await paymentAt(sb, 'approved');
      expect((await sb.client.expire(approved.payment.identifier)).status).toMatchObject({ cancelled: true, developer_approved: true });
      const paid = await paymentAt(sb, 'submitted');
      expect((await failure(sb.client.expire(paid.payment.identifier))).body).toMatchObject({ error: 'payment_tx_present' });
    });

    it('stamps created_at and token validity with the sandbox clock', async () => {
      const before = Date.parse((await sb.client.clock()).now);
      await sb.client.advanceClock(3_600_000);
      const user = await sb.client.createUser();
      const payment = await sb.client.createPayment({ accessToken: user.accessToken, amount: 1, memo: 'Later', metadata: {} });
      expect(Date.parse(payment.created_at)).toBeGreaterThanOrEqual(before + 3_600_000);
      const me = await sb.platform.me(user.accessToken);
      expect(me.credentials.valid_until.timestamp * 1000).toBeGreaterThanOrEqual(before + 3_600_000 + 24 * 3_600_000 - 1000);
      await sb.client.advanceClock(24 * 3_600_000);
      expect((await failure(sb.platform.me(user.accessToken))).body).toMatchObject({ error: 'invalid_token' });
    });

    it('stands still while frozen, and flows on from there when thawed', async () => {
      const frozen = await sb.client.clock();
      expect(frozen.frozen).toBe(true);
      await sb.client.createUser();
      expect((await sb.client.clock()).now).toBe(frozen.now);
      expect((await sb.client.advanceClock(1500)).now).toBe(new Date(Date.parse(frozen.now) + 1500).toISOString());
      const thawed = await sb.client.freezeClock(false);
      expect(thawed.frozen).toBe(false);
      expect(Date.parse(thawed.now)).toBeGreaterThanOrEqual(Date.parse(frozen.now) + 1500);
    });

    it('refuses a clock moved by a malformed amount, and never moves it backwards', async () => {
      const bodies = [{ advanceMs: -1 }, { advanceMs: 1.5 }, { advanceMs: '10' }, { advanceMs: null }, { freeze: 'yes' }];
      for (const body of bodies) {
        const res = await fetch(`${sb.baseUrl}/control/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'invalid_arguments' });
      }
    });
  });

  describe('submitting and cancelling in the wallet', () => {
    it('refuses to submit before developer approval (the wallet waits for it)', async () => {
      const { payment } = await paymentAt(sb, 'created');
      const err = await failure(sb.client.submit(payment.identifier));
      expect(err.status).toBe(400);
      expect(err.body).toMatchObject({ error: 'not_approved' });
      expect((await sb.client.getPayment(payment.identifier)).transaction).toBeNull();
    });

    it("moves the amount from the Pioneer's wallet to the app wallet, the Pioneer paying the fee", async () => {
      const { user, payment } = await paymentAt(sb, 'approved', '2.5');
      const [payerBefore, appBefore] = [await balanceOf(sb, user.walletAddress), await balanceOf(sb, payment.to_address)];
      const { txid } = await sb.client.submit(payment.identifier);
      expect(payerBefore.minus(await balanceOf(sb, user.walletAddress)).toFixed(7)).toBe('2.5100000');
      expect((await balanceOf(sb, payment.to_address)).minus(appBefore).toFixed(7)).toBe('2.5000000');
      expect(await sb.client.ledger.transaction(txid)).toMatchObject({ fee_charged: '100000', source_account: user.walletAddress, successful: true });
    });

    it('refuses to submit twice', async () => {
      const { payment } = await paymentAt(sb, 'submitted');
      expect((await failure(sb.client.submit(payment.identifier))).body).toMatchObject({ error: 'payment_tx_present' });
    });

    it('lets the Pioneer cancel before paying, not after', async () => {
      const open = await paymentAt(sb, 'approved');
      const cancelled = await sb.client.userCancel(open.payment.identifier);
      expect(cancelled.status).toMatchObject({ user_cancelled: true, cancelled: false });
      const paid = await paymentAt(sb, 'submitted');
      expect((await failure(sb.client.userCancel(paid.payment.identifier))).body).toMatchObject({ error: 'payment_tx_present' });
    });
  });

  describe('incomplete payment reported at authenticate', () => {
    it('reports the paid, uncompleted payment until the app completes it', async () => {
      const { user, payment, txid } = await paymentAt(sb, 'submitted');
      const { payment: found } = await sb.client.incompletePayment(user.uid);
      expect(found).toMatchObject({
        identifier: payment.identifier,
        status: { developer_approved: true, transaction_verified: true, developer_completed: false },
        transaction: { txid },
      });
      await sb.platform.complete(payment.identifier, txid!);
      expect(await sb.client.incompletePayment(user.uid)).toEqual({ payment: null });
    });

    it('does not report a payment that is merely approved', async () => {
      const { user } = await paymentAt(sb, 'approved');
      expect(await sb.client.incompletePayment(user.uid)).toEqual({ payment: null });
    });

    it('answers 404 for an unknown user', async () => {
      expect((await failure(sb.client.incompletePayment('no-such-uid'))).status).toBe(404);
    });
  });

  describe('users', () => {
    it('signs the same username in as the same Pioneer with a fresh token', async () => {
      const first = await sb.client.createUser({ username: 'bob' });
      const again = await sb.client.createUser({ username: 'bob' });
      expect(again.uid).toBe(first.uid);
      expect(again.accessToken).not.toBe(first.accessToken);
      const refreshed = await sb.client.issueToken(first.uid);
      expect((await sb.platform.me(refreshed.accessToken)).uid).toBe(first.uid);
      expect((await sb.platform.me(first.accessToken)).uid).toBe(first.uid);
    });

    it('refuses a malformed username', async () => {
      expect((await failure(sb.client.createUser({ username: '<script>' }))).body).toMatchObject({ error: 'invalid_arguments' });
    });

    it('gives each Pioneer their own wallet', async () => {
      const a = await paymentAt(sb, 'created');
      const b = await paymentAt(sb, 'created');
      expect(a.payment.from_address).not.toBe(b.payment.from_address);
      expect(a.payment.to_address).toBe(b.payment.to_address);
    });
  });
});
