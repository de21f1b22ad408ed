import { API_KEY, type Running, failure, paymentAt, startSandbox, waitFor } from './helpers';

// Delays wait on the sandbox clock: a delay of a minute holds a call until the test advances
// the clock, so "the duplicate arrives while the first is still held" is certain, not timed.
const HOLD_MS = 60_000;

describe('the Platform API call log', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  beforeEach(() => sb.client.clearCalls());
  afterEach(() => sb.client.resetFaults());
  afterAll(() => sb.app.close());

  it('lists every /v2 call in arrival order with its route, sandbox time and status, refusals included', async () => {
    const { payment } = await paymentAt(sb, 'approved');
    const id = payment.identifier;
    await failure(sb.platform.approve(id));
    await failure(sb.client.platform('wrong-key').get(id));
    await sb.platform.get(id);
    const { now } = await sb.client.clock();
    const calls = await sb.client.calls();
    expect(calls.map(({ method, path, route, status }) => ({ method, path, route, status }))).toEqual([
      { method: 'POST', path: `/v2/payments/${id}/approve`, route: '/v2/payments/:id/approve', status: 200 },
      { method: 'POST', path: `/v2/payments/${id}/approve`, route: '/v2/payments/:id/approve', status: 400 },
      { method: 'GET', path: `/v2/payments/${id}`, route: '/v2/payments/:id', status: 401 },
      { method: 'GET', path: `/v2/payments/${id}`, route: '/v2/payments/:id', status: 200 },
    ]);
    for (const call of calls) expect(Date.parse(call.at)).toBeLessThanOrEqual(Date.parse(now));
  });

  it('filters by method and by route or concrete path, and forgets everything on DELETE', async () => {
    const a = await paymentAt(sb, 'approved');
    const b = await paymentAt(sb, 'approved');
    await sb.platform.get(a.payment.identifier);
    expect(await sb.client.calls({ method: 'post', path: '/v2/payments/:id/approve' })).toHaveLength(2);
    expect(await sb.client.calls({ path: `/v2/payments/${b.payment.identifier}/approve` })).toHaveLength(1);
    expect(await sb.client.calls({ method: 'GET' })).toHaveLength(1);
    await sb.client.clearCalls();
    expect(await sb.client.calls()).toEqual([]);
  });

  it('logs only Platform API calls: not the wallet side, the ledger or the SDK', async () => {
    const { txid } = await paymentAt(sb, 'submitted');
    await sb.client.ledger.transaction(txid!);
    await fetch(`${sb.baseUrl}/sdk.js`);
    expect((await sb.client.calls()).map((c) => c.route)).toEqual(['/v2/payments/:id/approve']);
  });
});

describe('delays and latency on the sandbox clock', () => {
  let sb: Running;
  beforeAll(async () => {
    // A window longer than the holds, so releasing a hold never expires the payment under test.
    sb = await startSandbox({ approvalTimeoutMs: 10 * HOLD_MS });
  });
  beforeEach(() => sb.client.clearCalls());
  afterEach(() => sb.client.resetFaults());
  afterAll(() => sb.app.close());

  const inFlight = async (route: string) => (await sb.client.calls({ path: route })).some((c) => c.status === null);

  it('`before` holds a call until the clock passes; a duplicate arriving meanwhile acts first', async () => {
    const { payment } = await paymentAt(sb, 'created');
    const id = payment.identifier;
    await sb.client.setFaults({ delays: [{ path: '/v2/payments/:id/approve', method: 'POST', delayMs: HOLD_MS }] });
    const slow = sb.platform.approve(id).then(
      (p) => ({ ok: true as const, p }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    await waitFor(() => inFlight('/v2/payments/:id/approve'));
    expect((await sb.platform.get(id)).status.developer_approved).toBe(false);

    expect((await sb.platform.approve(id)).status.developer_approved).toBe(true);
    await sb.client.advanceClock(HOLD_MS);
    const outcome = await slow;
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : (outcome.e as { body: unknown }).body).toMatchObject({ error: 'already_approved' });
    // In arrival order: the held call came first and was refused; the duplicate approved.
    expect((await sb.client.calls({ path: '/v2/payments/:id/approve' })).map((c) => c.status)).toEqual([400, 200]);
  });

  it('`after` makes the change at once and holds only the answer', async () => {
    const { payment } = await paymentAt(sb, 'created');
    await sb.client.setFaults({ delays: [{ path: '/v2/payments/:id/approve', delayMs: HOLD_MS, when: 'after' }] });
    const slow = sb.platform.approve(payment.identifier);
    await waitFor(async () => (await sb.client.getPayment(payment.identifier)).status.developer_approved);
    expect(await inFlight('/v2/payments/:id/approve')).toBe(true);
    await sb.client.advanceClock(HOLD_MS);
    expect((await slow).status.developer_approved).toBe(true);
    expect(await inFlight('/v2/payments/:id/approve')).toBe(false);
  });

  it('is used up after `times` calls, and latencyMs slows every /v2 call until reset', async () => {
    const { payment } = await paymentAt(sb, 'created');
    await sb.client.setFaults({ latencyMs: HOLD_MS });
    let answered = false;
    const slow = sb.platform.get(payment.identifier).then(() => (answered = true));
    await waitFor(() => inFlight('/v2/payments/:id'));
    await sb.client.clock();
    expect(answered).toBe(false);
    await sb.client.advanceClock(HOLD_MS);
    await slow;
    await sb.client.resetFaults();
    expect((await sb.platform.get(payment.identifier)).identifier).toBe(payment.identifier);
    expect((await sb.client.config()).faults).toEqual({});
  });

  it('can hold a ledger call too', async () => {
    await sb.client.setFaults({ delays: [{ path: '/ledger/fee_stats', delayMs: HOLD_MS }] });
    let answered = false;
    const slow = sb.client.ledger.feeStats().then(() => (answered = true));
    await waitFor(async () => (await sb.client.config()).faults.delays?.length === 0);
    await sb.client.clock();
    expect(answered).toBe(false);
    await sb.client.advanceClock(HOLD_MS);
    await slow;
    expect(answered).toBe(true);
  });

  it('keeps the server key check: a delayed call with a wrong key is still 401', async () => {
    await sb.client.setFaults({ delays: [{ path: '/v2/payments/:id', delayMs: 5 }] });
    expect((await failure(sb.client.platform('wrong').get('x'))).status).toBe(401);
    expect((await failure(sb.client.platform(API_KEY).get('x'))).status).toBe(404);
  });
});
