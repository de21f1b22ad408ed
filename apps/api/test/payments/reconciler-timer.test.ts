import { setTimeout as sleep } from 'node:timers/promises';
import { buildTestApp } from '../support/app';

/** The reconciler's own timer, as production runs it (tests otherwise call `run` directly). */
describe('the reconciler timer', () => {
  it('runs the reconciler every PI_RECONCILE_INTERVAL_SECONDS once the app is ready, and stops on close', async () => {
    const t = await buildTestApp({ PI_RECONCILE_INTERVAL_SECONDS: '1' });
    const calls: unknown[] = [];
    const run = t.app.paymentsReconciler.run.bind(t.app.paymentsReconciler);
    t.app.paymentsReconciler.run = (opts) => {
      calls.push(opts);
      return run(opts);
    };
    try {
      for (const deadline = Date.now() + 15_000; calls.length < 2; await sleep(50)) {
        if (Date.now() > deadline) throw new Error(`the reconciler ran ${calls.length} times in 15 s with a 1 s interval`);
      }
      // Payments younger than a minute are left to their callbacks.
      expect(calls[0]).toEqual({ olderThanSeconds: 60 });
    } finally {
      await t.close();
    }
    const after = calls.length;
    await sleep(1500);
    expect(calls.length).toBe(after);
  });
});
