import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { Order } from '../../src/modules/orders/order.entity';
import { paymentStateMachine } from '../../src/modules/payments/payment.state';
import { createUser, type CreatedUser } from '../support/users';
import { buildWorld, createService, dbState, piCustomer, post, startPayment, WEBHOOK_SECRET, type World } from '../payments/world';
import { emptyFigures, recordFigures } from './support/figures';

const RUNS = Number(process.env.RELIABILITY_INTERLEAVINGS ?? 30);
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261201);
const APPROVAL_WINDOW_MS = 60_000;

const ACTIONS = ['approve', 'submit', 'complete', 'cancel', 'incomplete', 'webhook', 'sync', 'adminCancel', 'reconciler', 'userCancel'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * One payment, and everything that can act on it, started in an order a seeded scheduler
 * picks: the customer's SDK callbacks (approve, complete, cancel, incomplete), the Pioneer's
 * wallet (sign and submit, cancel), our webhook, an admin's sync and cancel, the reconciler.
 * Whatever the order: only transitions the machines allow, at most one confirmation, one
 * system message when paid, at most one /approve and one /complete reaching Pi, and once
 * everything has settled nothing Pi took is left unconfirmed here.
 */
describe('reliability: interleavings of everything that acts on one payment', () => {
  let w: World;
  let admin: CreatedUser;
  const figures = emptyFigures();
  beforeAll(async () => {
    w = await buildWorld();
    admin = await createUser(w.t, { role: 'admin' });
  });
  afterAll(async () => {
    recordFigures(__filename, figures);
    await w?.close();
  });

  it(`${RUNS} seeded schedules of approve, submit, complete, cancel, incomplete, webhook, sync, admin cancel, reconciler`, async () => {
    const service = await createService(w);
    const unexpected: string[] = [];

    const property = fc.asyncProperty(
      fc.scheduler(),
      // Cancels are rarer than retries and syncs, so most schedules can still end paid.
      fc.array(fc.oneof({ arbitrary: fc.constantFrom(...ACTIONS), weight: 1 }, { arbitrary: fc.constantFrom<Action>('complete', 'incomplete', 'webhook', 'sync', 'reconciler', 'approve'), weight: 2 }), { minLength: 2, maxLength: 8 }),
      fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
      async (s, actions, journey) => {
        figures.interleavingsTried += 1;
        const customer = await piCustomer(w);
        const started = await startPayment(w, customer, service);
        const { piPaymentId, orderNumber } = started;
        const orderId = (await w.t.ds.getRepository(Order).findOneByOrFail({ number: orderNumber })).id;
        const paymentId = started.checkout.payment.id;
        await w.pi.clearCalls();

        const answers: { action: Action; res: LightMyRequestResponse }[] = [];
        const call = async (action: Action, res: Promise<LightMyRequestResponse>) => answers.push({ action, res: await res });
        const txidAtPi = async () => (await w.pi.getPayment(piPaymentId)).transaction?.txid ?? null;
        const run: Record<Action, () => Promise<unknown>> = {
          approve: () => call('approve', post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })),
          // The wallet signs only what Pi lets it (after approval, not after a cancel): refusals are the point.
          submit: () => w.pi.submit(piPaymentId).catch(() => null),
          userCancel: () => w.pi.userCancel(piPaymentId).catch(() => null),
          // The SDK calls complete only with the txid the wallet made.
          complete: async () => {
            const txid = await txidAtPi();
            if (txid) await call('complete', post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid }));
          },
          cancel: () => call('cancel', post(w, customer.token, '/api/v1/pi/cancel', { paymentId: piPaymentId })),
          incomplete: async () => call('incomplete', post(w, customer.token, '/api/v1/pi/incomplete', { payment: await w.pi.getPayment(piPaymentId) })),
          webhook: () => {
            const body = JSON.stringify({ paymentId: piPaymentId, event: 'interleaving' });
            const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
            return call('webhook', w.app.inject({ method: 'POST', url: '/api/v1/pi/webhook', headers: { 'content-type': 'application/json', 'x-pi-signature': signature }, payload: body }));
          },
          sync: () => call('sync', post(w, admin.token, `/api/v1/admin/payments/${paymentId}/sync`, {})),
          adminCancel: () => call('adminCancel', post(w, admin.token, `/api/v1/admin/orders/${orderId}/cancel`, { reason: 'Interleaving test' })),
          reconciler: () => w.app.paymentsReconciler.run({ olderThanSeconds: 0 }),
        };

        // Each action starts when the scheduler releases it; started actions run on concurrently.
        const running = actions.map((a) => s.schedule(Promise.resolve(a), a).then(() => run[a]()));
        // The customer's SDK, step by step as Pi Browser runs it (approve, the wallet signs,
        // complete), each step released by the scheduler too, so the others act in between.
        if (journey) {
          const step = (name: string) => s.schedule(Promise.resolve(name), `journey:${name}`);
          running.push(
            (async () => {
              await step('approve');
              await run.approve();
              await step('sign');
              await run.submit();
              await step('complete');
              await run.complete();
            })(),
          );
        }
        // Releases scheduled steps, including those scheduled later, until every action has ended.
        await s.waitFor(Promise.all(running));

        // Then time passes (Pi expires what was never approved or signed) and the reconciler settles the rest.
        await w.pi.advanceClock(APPROVAL_WINDOW_MS + 1000);
        await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
        await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });

        for (const { action, res } of answers) {
          if (res.statusCode >= 500 && res.json().error?.code !== 'PAYMENT_BUSY') unexpected.push(`${action} → ${res.statusCode} ${res.body.slice(0, 200)} (${s.report().map((r) => r.label).join(', ')})`);
        }
        figures.serverErrors += answers.filter(({ res }) => res.statusCode >= 500 && res.json().error?.code !== 'PAYMENT_BUSY').length;

        const st = await dbState(w, orderNumber);
        const pi = await w.pi.getPayment(piPaymentId);
        const payment = st.payments[0];
        const order = `${journey ? 'journey + ' : ''}${actions.join(' ')} | order ${st.order.status}, payment ${payment.status}${payment.flagged ? ' (flagged)' : ''}, Pi ${JSON.stringify(pi.status)}`;

        // Only transitions the machines allow, as the audit trail recorded them.
        for (const e of st.events) {
          if (e.statusBefore && e.statusAfter && e.statusBefore !== e.statusAfter && !paymentStateMachine.canTransition(e.statusBefore, e.statusAfter)) {
            throw new Error(`transition ${e.statusBefore} → ${e.statusAfter} (${e.source}) is not allowed: ${order}`);
          }
        }
        const confirmations = st.events.filter((e) => e.statusAfter === 'confirmed' && e.statusBefore !== 'confirmed' && (e.outcome === 'applied' || e.outcome === 'flagged')).length;
        if (confirmations > 1) figures.doubledConfirmations += 1;
        expect({ confirmations, order }).toEqual({ confirmations: payment.status === 'confirmed' ? 1 : 0, order });

        // Paid ⇔ confirmed with Pi's completion; a cancelled order keeps any π received flagged for a refund.
        const paidMessages = st.systemMessages.filter((m) => !m.body.startsWith('This order was cancelled'));
        if (st.order.status === 'paid') {
          expect({ payment: payment.status, flagged: payment.flagged, paidMessages: paidMessages.length, developerCompleted: pi.status.developer_completed, order }).toEqual({ payment: 'confirmed', flagged: false, paidMessages: 1, developerCompleted: true, order });
        } else {
          expect({ paidMessages: paidMessages.length, order }).toEqual({ paidMessages: 0, order });
          if (payment.status === 'confirmed') expect({ flagged: payment.flagged, order }).toEqual({ flagged: true, order });
        }
        // Nothing Pi took is lost: a completed Pi payment is confirmed here, a signed one is completed.
        const lost = (pi.status.developer_completed && payment.status !== 'confirmed') || (pi.transaction?.verified && !pi.status.developer_completed && !pi.status.cancelled && !pi.status.user_cancelled);
        if (lost) figures.lostPayments += 1;
        expect({ lost: Boolean(lost), order }).toEqual({ lost: false, order });

        // One Pi call per step.
        const calls = await w.pi.calls();
        const acted = (suffix: string) => calls.filter((c) => c.method === 'POST' && c.path.endsWith(suffix) && (c.status ?? 0) < 300).length;
        expect({ approves: Math.min(acted('/approve'), 2), completes: Math.min(acted('/complete'), 2), order }).toEqual({
          approves: Math.min(acted('/approve'), 1),
          completes: Math.min(acted('/complete'), 1),
          order,
        });
        figures.extra.interleavingsPaid = (figures.extra.interleavingsPaid ?? 0) + (st.order.status === 'paid' ? 1 : 0);
        figures.extra.interleavingsCancelled = (figures.extra.interleavingsCancelled ?? 0) + (st.order.status === 'cancelled' ? 1 : 0);
      },
    );
    await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    expect(unexpected).toEqual([]);
  }, 30 * 60_000);
});
