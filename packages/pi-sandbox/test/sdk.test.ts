import type { PiPayment } from '../src';
import { type Running, sleep, startSandbox, until, waitFor } from './helpers';
import { MemoryStorage, fakeDocument, loadSdk, recordingCallbacks } from './sdk-harness';

const ORDER = { amount: 1.25, memo: 'Logo design', metadata: { order_number: 'A-7' } };

describe('browser SDK stand-in (sdk.js)', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox({ callbackRetryMs: 100, approvalTimeoutMs: 1500 });
  });
  afterEach(() => sb.client.resetFaults());
  afterAll(() => sb.app.close());

  /** A page that loaded sdk.js and signed in; `storage` stands for the browser's localStorage. */
  async function signedInPage(storage = new MemoryStorage(), init: { autoConfirm?: boolean | 'cancel' } = { autoConfirm: true }) {
    const { Pi } = await loadSdk(`${sb.baseUrl}/sdk.js`, storage);
    await Pi.init({ version: '2.0', sandbox: true, ...init });
    const incomplete: PiPayment[] = [];
    const auth = await Pi.authenticate(['username', 'payments'], (p) => incomplete.push(p));
    return { Pi, auth, incomplete, storage };
  }

  /** Server-side callbacks that behave like the app's server. */
  const appServer = () => ({
    onReadyForServerApproval: (id: unknown) => sb.platform.approve(String(id)).catch(() => undefined),
    onReadyForServerCompletion: (id: unknown, txid: unknown) => sb.platform.complete(String(id), String(txid)).catch(() => undefined),
  });

  it('is served as JavaScript and refuses calls before init', async () => {
    const { Pi, contentType } = await loadSdk(`${sb.baseUrl}/sdk.js`);
    expect(contentType).toMatch(/^text\/javascript/);
    await expect(Pi.authenticate(['username'], () => undefined)).rejects.toThrow(/init/);
    expect(() => Pi.createPayment(ORDER, recordingCallbacks().callbacks)).toThrow(/init/);
  });

  it('authenticates a new Pioneer, keeps them in localStorage, and reuses them with a fresh token', async () => {
    const first = await signedInPage();
    expect(first.auth.user.uid).toEqual(expect.any(String));
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

  it('runs a payment: approval callback, wallet confirms, completion callback with the txid', async () => {
    const { Pi, auth } = await signedInPage();
    const rec = recordingCallbacks(appServer());
    Pi.createPayment(ORDER, rec.callbacks);
    await waitFor(() => rec.names().includes('onReadyForServerCompletion'));
    const [approval] = rec.events;
    const id = String(approval.args[0]);
    const completion = rec.events.find((e) => e.name === 'onReadyForServerCompletion')!;
    const paid = await sb.platform.get(id);
    expect(rec.names()).toEqual(['onReadyForServerApproval', 'onReadyForServerCompletion']);
    expect(approval.args).toEqual([id]);
    expect(completion.args).toEqual([id, paid.transaction?.txid]);
    expect(paid).toMatchObject({ user_uid: auth.user.uid, amount: 1.25, memo: 'Logo design', metadata: { order_number: 'A-7' } });
    await until(() => sb.platform.get(id), (p) => p.status.developer_completed);
    // Once completed, the SDK stops calling back.
    await sleep(350);
    expect(rec.names()).toEqual(['onReadyForServerApproval', 'onReadyForServerCompletion']);
  });

  it('calls the approval callback again about every callbackRetryMs until the server approves', async () => {
    const { Pi } = await signedInPage();
    let calls = 0;
    const rec = recordingCallbacks({
      ...appServer(),
      onReadyForServerApproval: (id) => (++calls >= 3 ? sb.platform.approve(String(id)) : undefined),
    });
    Pi.createPayment(ORDER, rec.callbacks);
    await waitFor(() => rec.names().includes('onReadyForServerCompletion'));
    const approvals = rec.events.filter((e) => e.name === 'onReadyForServerApproval');
    expect(approvals).toHaveLength(3);
    expect(approvals[1].at - approvals[0].at).toBeGreaterThanOrEqual(90);
    expect(approvals[2].at - approvals[1].at).toBeGreaterThanOrEqual(90);
  });

  it('retries the completion callback until the server completes', async () => {
    const { Pi } = await signedInPage();
    let calls = 0;
    const rec = recordingCallbacks({
      ...appServer(),
      onReadyForServerCompletion: (id, txid) => (++calls >= 2 ? sb.platform.complete(String(id), String(txid)) : undefined),
    });
    Pi.createPayment(ORDER, rec.callbacks);
    await waitFor(() => calls >= 2);
    const completions = rec.events.filter((e) => e.name === 'onReadyForServerCompletion');
    expect(completions[1].at - completions[0].at).toBeGreaterThanOrEqual(90);
    await until(() => sb.platform.get(String(rec.events[0].args[0])), (p) => p.status.developer_completed);
  });

  it('calls onCancel when the Pioneer cancels in the wallet', async () => {
    const { Pi } = await signedInPage(undefined, { autoConfirm: 'cancel' });
    const rec = recordingCallbacks(appServer());
    Pi.createPayment(ORDER, rec.callbacks);
    await waitFor(() => rec.names().includes('onCancel'));
    const id = String(rec.events[0].args[0]);
    expect(rec.names()).toEqual(['onReadyForServerApproval', 'onCancel']);
    expect(rec.events[1].args).toEqual([id]);
    expect((await sb.platform.get(id)).status).toMatchObject({ user_cancelled: true, developer_approved: true });
  });

  it('calls onCancel when the app never approves and Pi expires the payment', async () => {
    const { Pi } = await signedInPage();
    const rec = recordingCallbacks();
    Pi.createPayment(ORDER, rec.callbacks);
    await waitFor(() => rec.names().includes('onCancel'), 4000);
    const id = String(rec.events[0].args[0]);
    expect(new Set(rec.names())).toEqual(new Set(['onReadyForServerApproval', 'onCancel']));
    expect(rec.events.filter((e) => e.name === 'onReadyForServerApproval').length).toBeGreaterThan(5);
    expect((await sb.platform.get(id)).status).toMatchObject({ cancelled: true, developer_approved: false });
  });

  it('calls onError without a payment when Pi refuses the amount', async () => {
    const { Pi } = await signedInPage();
    const rec = recordingCallbacks(appServer());
    Pi.createPayment({ ...ORDER, amount: 0.12345678 }, rec.callbacks);
    await waitFor(() => rec.names().includes('onError'));
    const [event] = rec.events;
    expect(rec.names()).toEqual(['onError']);
    expect(event.args).toHaveLength(2);
    expect(event.args[0]).toMatchObject({ code: 'invalid_amount', message: expect.stringContaining('7 decimals') });
    expect(event.args[1]).toBeUndefined();
  });

  describe('wallet dialog (no auto-confirm)', () => {
    async function pageWithDialog() {
      const document = fakeDocument(`${sb.baseUrl}/sdk.js`);
      const { Pi } = await loadSdk(`${sb.baseUrl}/sdk.js`, new MemoryStorage(), { document });
      await Pi.init({ version: '2.0', sandbox: true });
      await Pi.authenticate(['payments'], () => undefined);
      const rec = recordingCallbacks(appServer());
      Pi.createPayment({ ...ORDER, memo: '<b>Logo</b> design' }, rec.callbacks);
      await waitFor(() => document.body.find('wallet') !== undefined);
      return { dialog: document.body.find('wallet')!, body: document.body, rec };
    }

    it('shows the approved payment as text and submits when the Pioneer confirms', async () => {
      const { dialog, body, rec } = await pageWithDialog();
      expect(rec.names()).toEqual(['onReadyForServerApproval']);
      expect(dialog.getAttribute('role')).toBe('dialog');
      expect(dialog.text).toContain('<b>Logo</b> design');
      expect(dialog.text).toContain('1.25 \u03c0');
      dialog.find('confirm')!.click();
      expect(body.find('wallet')).toBeUndefined();
      await waitFor(() => rec.names().includes('onReadyForServerCompletion'));
      const id = String(rec.events[0].args[0]);
      await until(() => sb.platform.get(id), (p) => p.status.developer_completed);
    });

    it('cancels the payment when the Pioneer presses Cancel', async () => {
      const { dialog, rec } = await pageWithDialog();
      dialog.find('cancel')!.click();
      await waitFor(() => rec.names().includes('onCancel'));
      const id = String(rec.events[0].args[0]);
      expect((await sb.platform.get(id)).status.user_cancelled).toBe(true);
    });
  });

  describe('faults', () => {
    it('duplicates each server-side callback duplicateCallbacks extra times', async () => {
      await sb.client.setFaults({ duplicateCallbacks: 2 });
      const { Pi } = await signedInPage();
      const rec = recordingCallbacks(appServer());
      Pi.createPayment(ORDER, rec.callbacks);
      await waitFor(() => rec.events.filter((e) => e.name === 'onReadyForServerCompletion').length >= 3);
      await sleep(100);
      const count = (name: string) => rec.events.filter((e) => e.name === name).length;
      expect(count('onReadyForServerApproval')).toBe(3);
      expect(count('onReadyForServerCompletion')).toBe(3);
      expect(count('onError')).toBe(0);
    });

    it('delays each server-side callback by callbackDelayMs', async () => {
      await sb.client.setFaults({ callbackDelayMs: 300 });
      const { Pi } = await signedInPage();
      const rec = recordingCallbacks(appServer());
      const started = Date.now();
      Pi.createPayment(ORDER, rec.callbacks);
      await waitFor(() => rec.events.length > 0);
      expect(rec.events[0].at - started).toBeGreaterThanOrEqual(290);
    });

    it('drops the completion callback; the paid payment is reported at the next authenticate', async () => {
      await sb.client.setFaults({ dropCompletionCallback: true });
      const page = await signedInPage();
      const rec = recordingCallbacks(appServer());
      page.Pi.createPayment(ORDER, rec.callbacks);
      await waitFor(() => rec.events.length > 0);
      const id = String(rec.events[0].args[0]);
      const payment = await until(() => sb.platform.get(id), (p) => p.transaction !== null);
      await sleep(300);
      expect(rec.names()).toEqual(['onReadyForServerApproval']);
      expect(payment.status.developer_completed).toBe(false);

      await sb.client.resetFaults();
      const next = await signedInPage(page.storage);
      expect(next.incomplete).toHaveLength(1);
      expect(next.incomplete[0]).toMatchObject({ identifier: id, transaction: { txid: payment.transaction?.txid } });
    });
  });

  it('reports the open paid payment and fails a new one with onError(error, payment)', async () => {
    await sb.client.setFaults({ dropCompletionCallback: true });
    const page = await signedInPage();
    const first = recordingCallbacks(appServer());
    page.Pi.createPayment(ORDER, first.callbacks);
    await waitFor(() => first.events.length > 0);
    const id = String(first.events[0].args[0]);
    await until(() => sb.platform.get(id), (p) => p.transaction !== null);
    await sb.client.resetFaults();

    const second = recordingCallbacks(appServer());
    page.Pi.createPayment(ORDER, second.callbacks);
    await waitFor(() => second.names().includes('onError'));
    expect(second.names()).toEqual(['onError']);
    const [error, payment] = second.events[0].args as [{ code: string }, PiPayment];
    expect(error.code).toBe('ongoing_payment_found');
    expect(payment.identifier).toBe(id);
    expect(page.incomplete.map((p) => p.identifier)).toEqual([id]);
  });
});
