import type { PaymentDTO, PiScope } from '@pishop/pi-protocol';
import type { SandboxFaults } from '../src';
import { type Running, startSandbox } from './helpers';
import { MemoryStorage, PageTime, fakeDocument, loadSdk, recordingCallbacks } from './sdk-harness';

const ORDER = { amount: 1.25, memo: 'Logo design', metadata: { order_number: 'A-7' } };
const RETRY_MS = 100;
const WINDOW_MS = 60_000;

// The page runs on PageTime (the SDK's timers and Date.now()), the sandbox on its own clock:
// retries, delays and expiries happen in a fixed order, and no assertion depends on real time.
describe('browser SDK stand-in (sdk.js)', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox({ callbackRetryMs: RETRY_MS, approvalTimeoutMs: WINDOW_MS });
  });
  afterEach(() => sb.client.resetFaults());
  afterAll(() => sb.app.close());

  /** A page that loaded sdk.js and signed in; `storage` stands for the browser's localStorage. */
  async function signedInPage(
    storage = new MemoryStorage(),
    init: { autoConfirm?: boolean | 'cancel' } = { autoConfirm: true },
    scopes: PiScope[] = ['username', 'payments'],
    globals: Record<string, unknown> = {},
  ) {
    const time = new PageTime();
    const { Pi } = await loadSdk(`${sb.baseUrl}/sdk.js`, storage, globals, time);
    await Pi.init({ version: '2.0', sandbox: true, ...init });
    const incomplete: PaymentDTO[] = [];
    const auth = await Pi.authenticate(scopes, (p) => incomplete.push(p));
    return { Pi, auth, incomplete, storage, time };
  }

  /** Server-side callbacks that behave like the app's server. */
  const appServer = () => ({
    onReadyForServerApproval: (id: unknown) => sb.platform.approve(String(id)).catch(() => undefined),
    onReadyForServerCompletion: (id: unknown, txid: unknown) => sb.platform.complete(String(id), String(txid)).catch(() => undefined),
  });

  /** Starts a payment under `faults` and lets the page run on for 20 retry periods. */
  async function payUnder(faults: SandboxFaults) {
    await sb.client.setFaults(faults);
    const page = await signedInPage();
    const rec = recordingCallbacks(appServer(), page.time);
    page.Pi.createPayment(ORDER, rec.callbacks);
    await page.time.runUntil(() => rec.events.length > 0);
    const id = String(rec.events[0].args[0]);
    await page.time.pass(20 * RETRY_MS);
    return { page, rec, id };
  }

  it('is served as JavaScript and refuses calls before init', async () => {
    const { Pi, contentType } = await loadSdk(`${sb.baseUrl}/sdk.js`);
    expect(contentType).toMatch(/^text\/javascript/);
    await expect(Pi.authenticate(['username'], () => undefined)).rejects.toThrow(/init/);
    expect(() => Pi.createPayment(ORDER, recordingCallbacks().callbacks)).toThrow(/init/);
  });

  describe('authenticate', () => {
    it('signs a new Pioneer in, keeps them in localStorage, and reuses them with a fresh token', async () => {
      const first = await signedInPage();
      expect(first.auth.user).toEqual({ uid: expect.any(String), username: expect.any(String) });
      expect((await sb.platform.me(first.auth.accessToken)).uid).toBe(first.auth.user.uid);
      expect(JSON.parse(String(first.storage.getItem('pi-sandbox.user')))).toEqual(first.auth.user);

      const again = await signedInPage(first.storage);
      expect(again.auth.user).toEqual(first.auth.user);
      expect(again.auth.accessToken).not.toBe(first.auth.accessToken);

      const otherBrowser = await signedInPage();
      expect(otherBrowser.auth.user.uid).not.toBe(first.auth.user.uid);
    });

    it('starts over with a new Pioneer when the stored one is unknown (sandbox restarted)', async () => {
      const storage = new MemoryStorage();
      storage.setItem('pi-sandbox.user', JSON.stringify({ uid: 'gone', username: 'ghost' }));
      const page = await signedInPage(storage);
      expect(page.auth.user.uid).not.toBe('gone');
      expect(JSON.parse(String(storage.getItem('pi-sandbox.user'))).uid).toBe(page.auth.user.uid);
    });

    it('grants only the scopes asked for: no username without the username scope', async () => {
      const page = await signedInPage(undefined, undefined, ['payments']);
      expect(page.auth.user).toEqual({ uid: expect.any(String) });
      const me = await sb.platform.me(page.auth.accessToken);
      expect(me).not.toHaveProperty('username');
      expect(me.credentials.scopes).toEqual(['payments']);
    });

    it('lets the page play a Pioneer who grants fewer scopes (window.__PI_SANDBOX_SCOPES__)', async () => {
      const page = await signedInPage(undefined, undefined, ['username', 'payments'], { __PI_SANDBOX_SCOPES__: ['payments'] });
      expect(page.auth.user.username).toBeUndefined();
      expect((await sb.platform.me(page.auth.accessToken)).credentials.scopes).toEqual(['payments']);
    });

    it('never settles under the hangAuthenticate fault, as outside Pi Browser', async () => {
      await sb.client.setFaults({ hangAuthenticate: true });
      const time = new PageTime();
      const { Pi } = await loadSdk(`${sb.baseUrl}/sdk.js`, new MemoryStorage(), {}, time);
      await Pi.init({ version: '2.0', sandbox: true });
      let outcome = 'pending';
      Pi.authenticate(['username'], () => undefined).then(() => (outcome = 'resolved'), () => (outcome = 'rejected'));
      await time.pass(60_000);
      expect(outcome).toBe('pending');
      await sb.client.resetFaults();
      await expect(Pi.authenticate(['username'], () => undefined)).resolves.toMatchObject({ accessToken: expect.any(String) });
    });
  });

  it('runs a payment: approval callback, wallet confirms, completion callback with the txid', async () => {
    const { Pi, auth, time } = await signedInPage();
    const rec = recordingCallbacks(appServer(), time);
    Pi.createPayment(ORDER, rec.callbacks);
    await time.runUntil(() => rec.names().includes('onReadyForServerCompletion'));
    const [approval, completion] = rec.events;
    const id = String(approval.args[0]);
    await time.settle();
    const paid = await sb.platform.get(id);
    expect(rec.names()).toEqual(['onReadyForServerApproval', 'onReadyForServerCompletion']);
    expect(completion.args).toEqual([id, paid.transaction?.txid]);
    expect(paid).toMatchObject({ user_uid: auth.user.uid, amount: 1.25, memo: 'Logo design', metadata: { order_number: 'A-7' } });
    expect(paid.status.developer_completed).toBe(true);
    // Once completed, the SDK stops calling back however long the page stays open.
    await time.pass(20 * RETRY_MS);
    expect(rec.names()).toEqual(['onReadyForServerApproval', 'onReadyForServerCompletion']);
  });

  it('calls the approval callback again every callbackRetryMs until the server approves', async () => {
    const { Pi, time } = await signedInPage();
    let calls = 0;
    const rec = recordingCallbacks(
      { ...appServer(), onReadyForServerApproval: (id) => (++calls >= 3 ? sb.platform.approve(String(id)) : undefined) },
      time,
    );
    Pi.createPayment(ORDER, rec.callbacks);
    await time.runUntil(() => rec.names().includes('onReadyForServerCompletion'));
    const approvals = rec.events.filter((e) => e.name === 'onReadyForServerApproval');
    expect(approvals).toHaveLength(3);
    expect(approvals[1].at - approvals[0].at).toBeGreaterThanOrEqual(RETRY_MS);
    expect(approvals[2].at - approvals[1].at).toBeGreaterThanOrEqual(RETRY_MS);
  });

  it('retries the completion callback until the server completes', async () => {
    const { Pi, time } = await signedInPage();
    let calls = 0;
    const rec = recordingCallbacks(
      { ...appServer(), onReadyForServerCompletion: (id, txid) => (++calls >= 2 ? sb.platform.complete(String(id), String(txid)) : undefined) },
      time,
    );
    Pi.createPayment(ORDER, rec.callbacks);
    await time.runUntil(() => calls >= 2);
    const completions = rec.events.filter((e) => e.name === 'onReadyForServerCompletion');
    expect(completions[1].at - completions[0].at).toBeGreaterThanOrEqual(RETRY_MS);
    await time.settle();
    expect((await sb.platform.get(String(rec.events[0].args[0]))).status.developer_completed).toBe(true);
  });

  it('calls onCancel when the Pioneer cancels in the wallet', async () => {
    const { Pi, time } = await signedInPage(undefined, { autoConfirm: 'cancel' });
    const rec = recordingCallbacks(appServer(), time);
    Pi.createPayment(ORDER, rec.callbacks);
    await time.runUntil(() => rec.names().includes('onCancel'));
    const id = String(rec.events[0].args[0]);
    expect(rec.names()).toEqual(['onReadyForServerApproval', 'onCancel']);
    expect(rec.events[1].args).toEqual([id]);
    expect((await sb.platform.get(id)).status).toMatchObject({ user_cancelled: true, developer_approved: true });
  });

  it('calls onCancel when the app never approves and the approval window runs out', async () => {
    const { Pi, time } = await signedInPage();
    const rec = recordingCallbacks({}, time);
    Pi.createPayment(ORDER, rec.callbacks);
    await time.runUntil(() => rec.count('onReadyForServerApproval') >= 3);
    await sb.client.advanceClock(WINDOW_MS);
    await time.runUntil(() => rec.names().includes('onCancel'));
    const id = String(rec.events[0].args[0]);
    expect(new Set(rec.names())).toEqual(new Set(['onReadyForServerApproval', 'onCancel']));
    expect((await sb.platform.get(id)).status).toMatchObject({ cancelled: true, developer_approved: false });
  });

  it('calls onError without a payment when Pi refuses the amount', async () => {
    const { Pi, time } = await signedInPage();
    const rec = recordingCallbacks(appServer(), time);
    Pi.createPayment({ ...ORDER, amount: 0.12345678 }, rec.callbacks);
    await time.runUntil(() => rec.names().includes('onError'));
    const [event] = rec.events;
    expect(rec.names()).toEqual(['onError']);
    expect(event.args).toHaveLength(2);
    expect(event.args[0]).toMatchObject({ code: 'invalid_amount', message: expect.stringContaining('7 decimals') });
    expect(event.args[1]).toBeUndefined();
  });

  describe('wallet dialog (no auto-confirm)', () => {
    async function pageWithDialog() {
      const time = new PageTime();
      const document = fakeDocument(`${sb.baseUrl}/sdk.js`);
      const { Pi } = await loadSdk(`${sb.baseUrl}/sdk.js`, new MemoryStorage(), { document }, time);
      await Pi.init({ version: '2.0', sandbox: true });
      await Pi.authenticate(['payments'], () => undefined);
      const rec = recordingCallbacks(appServer(), time);
      Pi.createPayment({ ...ORDER, memo: '<b>Logo</b> design' }, rec.callbacks);
      await time.runUntil(() => document.body.find('wallet') !== undefined);
      return { dialog: document.body.find('wallet')!, body: document.body, rec, time };
    }

    it('shows the approved payment as text and submits when the Pioneer confirms', async () => {
      const { dialog, body, rec, time } = await pageWithDialog();
      expect(rec.names()).toEqual(['onReadyForServerApproval']);
      expect(dialog.getAttribute('role')).toBe('dialog');
      expect(dialog.text).toContain('<b>Logo</b> design');
      expect(dialog.text).toContain('1.25 \u03c0');
      dialog.find('confirm')!.click();
      expect(body.find('wallet')).toBeUndefined();
      await time.runUntil(() => rec.names().includes('onReadyForServerCompletion'));
      await time.settle();
      expect((await sb.platform.get(String(rec.events[0].args[0]))).status.developer_completed).toBe(true);
    });

    it('cancels the payment when the Pioneer presses Cancel', async () => {
      const { dialog, rec, time } = await pageWithDialog();
      dialog.find('cancel')!.click();
      await time.runUntil(() => rec.names().includes('onCancel'));
      expect((await sb.platform.get(String(rec.events[0].args[0]))).status.user_cancelled).toBe(true);
    });
  });

  describe('faults', () => {
    it('duplicates each server-side callback duplicateCallbacks extra times', async () => {
      await sb.client.setFaults({ duplicateCallbacks: 2 });
      const { Pi, time } = await signedInPage();
      const rec = recordingCallbacks(appServer(), time);
      Pi.createPayment(ORDER, rec.callbacks);
      await time.runUntil(() => rec.count('onReadyForServerCompletion') >= 3);
      await time.pass(20 * RETRY_MS);
      expect(rec.count('onReadyForServerApproval')).toBe(3);
      expect(rec.count('onReadyForServerCompletion')).toBe(3);
      expect(rec.count('onError')).toBe(0);
    });

    it('delays each server-side callback by callbackDelayMs', async () => {
      await sb.client.setFaults({ callbackDelayMs: 300 });
      const { Pi, time } = await signedInPage();
      const rec = recordingCallbacks(appServer(), time);
      const started = time.now();
      Pi.createPayment(ORDER, rec.callbacks);
      await time.runUntil(() => rec.events.length > 0);
      expect(rec.events[0].at - started).toBeGreaterThanOrEqual(300);
    });

    it('drops the completion callback; the paid payment is reported at the next authenticate', async () => {
      const { page, rec, id } = await payUnder({ dropCompletionCallback: true });
      const payment = await sb.platform.get(id);
      expect(rec.names()).toEqual(['onReadyForServerApproval']);
      expect(payment.transaction).not.toBeNull();
      expect(payment.status.developer_completed).toBe(false);

      await sb.client.resetFaults();
      const next = await signedInPage(page.storage);
      expect(next.incomplete).toHaveLength(1);
      expect(next.incomplete[0]).toMatchObject({ identifier: id, transaction: { txid: payment.transaction?.txid } });
    });

    it('abandons the payment after approval; reportApprovedIncomplete reports it as Pi does; it expires a window after approval', async () => {
      const { page, rec, id } = await payUnder({ abandonAfterApproval: true });
      expect(rec.names()).toEqual(['onReadyForServerApproval']);
      expect(await sb.platform.get(id)).toMatchObject({ transaction: null, status: { developer_approved: true, cancelled: false } });

      await sb.client.resetFaults();
      expect((await signedInPage(page.storage)).incomplete).toEqual([]);
      await sb.client.setFaults({ reportApprovedIncomplete: true });
      const reported = (await signedInPage(page.storage)).incomplete;
      expect(reported).toEqual([expect.objectContaining({ identifier: id, transaction: null })]);
      expect(reported[0].status).toMatchObject({ developer_approved: true, transaction_verified: false, developer_completed: false });

      await sb.client.advanceClock(WINDOW_MS);
      expect((await sb.platform.get(id)).status).toMatchObject({ cancelled: true, developer_approved: true });
      expect((await signedInPage(page.storage)).incomplete).toEqual([]);
    });
  });

  it('reports the open paid payment and fails a new one with onError(error, payment)', async () => {
    const { page, id } = await payUnder({ dropCompletionCallback: true });
    expect((await sb.platform.get(id)).transaction).not.toBeNull();
    await sb.client.resetFaults();

    const second = recordingCallbacks(appServer(), page.time);
    page.Pi.createPayment(ORDER, second.callbacks);
    await page.time.runUntil(() => second.names().includes('onError'));
    expect(second.names()).toEqual(['onError']);
    const [error, payment] = second.events[0].args as [{ code: string }, PaymentDTO];
    expect(error.code).toBe('ongoing_payment_found');
    expect(payment.identifier).toBe(id);
    expect(page.incomplete.map((p) => p.identifier)).toEqual([id]);
  });
});
