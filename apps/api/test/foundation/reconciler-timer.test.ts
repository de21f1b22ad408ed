import { buildTestApp, type TestApp } from '../support/app';

/**
 * The payment reconciler's timer follows PI_RECONCILE_INTERVAL_SECONDS in every mode (the
 * harness sets 0 for the other tests, which call the reconciler directly).
 */
describe('the reconciler timer', () => {
  let t: TestApp;
  afterEach(() => t.close());

  async function runsSeen(interval: string, waitMs: number): Promise<number> {
    t = await buildTestApp({ PI_RECONCILE_INTERVAL_SECONDS: interval });
    const run = jest.spyOn(t.app.paymentsReconciler, 'run').mockResolvedValue(undefined as never);
    const until = Date.now() + waitMs;
    while (run.mock.calls.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return run.mock.calls.length;
  }

  it('runs the reconciler every PI_RECONCILE_INTERVAL_SECONDS once the app is ready', async () => {
    // Fails loudly if no run happens within 15 intervals.
    expect(await runsSeen('1', 15_000)).toBeGreaterThan(0);
  });
});
