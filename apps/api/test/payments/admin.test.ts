import { bearer } from '../support/app';
import { createUser, type CreatedUser } from '../support/users';
import { approveAndSubmit, buildWorld, checkout, createService, dbState, get, piCustomer, post, startPayment, type World } from './world';

describe('admin: orders, payments with events, threads', () => {
  let w: World;
  let admin: CreatedUser;
  beforeAll(async () => {
    w = await buildWorld();
    admin = await createUser(w.t, { role: 'admin' });
  });
  afterAll(() => w.close());

  const put = (url: string, payload: unknown) => w.app.inject({ method: 'PUT', url, headers: bearer(admin.token), payload: payload as object });

  it('lists payments in the simple-rest protocol and shows one with its events', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, checkout: c } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });

    const list = await get(w, admin.token, `/api/v1/admin/payments?filter=${encodeURIComponent(JSON.stringify({ status: 'confirmed', q: piPaymentId }))}&range=[0,9]&sort=["id","DESC"]`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-range']).toBe('payments 0-0/1');
    expect(list.json()).toEqual([expect.objectContaining({ id: c.payment.id, piPaymentId, txid, status: 'confirmed', orderNumber: c.order.number, amountPi: '33.3333334', flagged: false })]);

    const one = await get(w, admin.token, `/api/v1/admin/payments/${c.payment.id}`);
    expect(one.json().events.map((e: { source: string; outcome: string }) => `${e.source}:${e.outcome}`)).toEqual(['complete:applied', 'approve:applied']);
    const events = await get(w, admin.token, `/api/v1/admin/payment-events?filter=${encodeURIComponent(JSON.stringify({ paymentId: c.payment.id }))}`);
    expect(events.headers['content-range']).toBe('payment-events 0-1/2');

    expect((await get(w, customer.token, '/api/v1/admin/payments')).statusCode).toBe(403);
    expect((await get(w, admin.token, '/api/v1/admin/payments?filter={"nope":1}')).statusCode).toBe(400);
  });

  it('"Sync from Pi" settles a payment whose callbacks never arrived, and is audited', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, checkout: c, orderNumber } = await startPayment(w, customer, service);
    await approveAndSubmit(w, customer.token, piPaymentId);
    const synced = await post(w, admin.token, `/api/v1/admin/payments/${c.payment.id}/sync`, {});
    expect(synced.statusCode).toBe(200);
    expect(synced.json()).toMatchObject({ status: 'confirmed', events: expect.arrayContaining([expect.objectContaining({ source: 'sync', outcome: 'applied', actorId: admin.user.id })]) });
    expect((await dbState(w, orderNumber)).order.status).toBe('paid');

    // A payment never started in Pi has nothing to sync.
    const fresh = (await checkout(w, customer.token, service.slug)).json();
    const none = await post(w, admin.token, `/api/v1/admin/payments/${fresh.payment.id}/sync`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('PAYMENT_NOT_LINKED');
  });

  it('bulk status fix: needs a reason, only allowed moves, each audited', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const stale = (await checkout(w, customer.token, service.slug)).json();
    const paid = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, paid.piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: paid.piPaymentId, txid });
    const ids = [stale.payment.id, paid.checkout.payment.id, 999999];

    const noReason = await post(w, admin.token, '/api/v1/admin/payments/bulk-status', { ids, status: 'failed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toHaveProperty('reason');
    const confirm = await post(w, admin.token, '/api/v1/admin/payments/bulk-status', { ids, status: 'confirmed', reason: 'because' });
    expect(confirm.statusCode).toBe(400);

    const res = await post(w, admin.token, '/api/v1/admin/payments/bulk-status', { ids, status: 'failed', reason: 'Abandoned checkout' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      updated: [stale.payment.id],
      skipped: [
        { id: paid.checkout.payment.id, reason: 'a confirmed payment cannot become failed' },
        { id: 999999, reason: 'not found' },
      ],
    });
    const s = await dbState(w, stale.order.number);
    expect(s.payments[0]).toMatchObject({ status: 'failed', failureReason: 'Admin: Abandoned checkout' });
    expect(s.events.at(-1)).toMatchObject({ source: 'admin', outcome: 'applied', actorId: admin.user.id, message: expect.stringContaining('Abandoned checkout') });
    expect((await dbState(w, paid.orderNumber)).payments[0].status).toBe('confirmed');
  });

  it('bulk "failed" on payments Pi knows: an approval the payer never signed is cancelled with Pi; a signed one is left to complete', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const approved = await startPayment(w, customer, service);
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: approved.piPaymentId })).statusCode).toBe(200);
    const other = await piCustomer(w);
    const signed = await startPayment(w, other, service);
    const txid = await approveAndSubmit(w, other.token, signed.piPaymentId);

    const ids = [approved.checkout.payment.id, signed.checkout.payment.id];
    const res = await post(w, admin.token, '/api/v1/admin/payments/bulk-status', { ids, status: 'failed', reason: 'Stuck' });
    expect(res.json()).toEqual({ updated: [approved.checkout.payment.id], skipped: [{ id: signed.checkout.payment.id, reason: expect.stringContaining('money on its way') }] });
    expect((await w.pi.getPayment(approved.piPaymentId)).status.cancelled).toBe(true);
    expect((await dbState(w, approved.orderNumber)).payments[0].status).toBe('failed');
    // The signed one completes as usual.
    expect((await post(w, other.token, '/api/v1/pi/complete', { paymentId: signed.piPaymentId, txid })).statusCode).toBe(200);
    expect((await dbState(w, signed.orderNumber)).order.status).toBe('paid');
  });

  it('a flagged payment shows up for the admin, who resolves it with a reason', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const first = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, first.piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: first.piPaymentId, txid });
    const second = await w.pi.createPayment({ accessToken: customer.pioneer.accessToken, ...first.checkout.payment });
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: second.identifier })).statusCode).toBe(409);

    const flagged = await get(w, admin.token, `/api/v1/admin/payments?filter=${encodeURIComponent(JSON.stringify({ flagged: true, orderId: (await dbState(w, first.orderNumber)).order.id }))}`);
    expect(flagged.json()).toEqual([expect.objectContaining({ piPaymentId: second.identifier, flagged: true, flagReason: expect.stringContaining('already paid') })]);
    const id = flagged.json()[0].id;
    expect((await post(w, admin.token, `/api/v1/admin/payments/${id}/resolve-flag`, {})).statusCode).toBe(400);
    const resolved = await post(w, admin.token, `/api/v1/admin/payments/${id}/resolve-flag`, { reason: 'Pi cancelled it; nothing was charged' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ flagged: false, events: expect.arrayContaining([expect.objectContaining({ source: 'admin', message: expect.stringContaining('nothing was charged') })]) });
    expect((await post(w, admin.token, `/api/v1/admin/payments/${id}/resolve-flag`, { reason: 'again' })).statusCode).toBe(409);
  });

  it('orders: list, read, cancel a pending order (never a paid one)', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const pending = (await checkout(w, customer.token, service.slug)).json();
    const list = await get(w, admin.token, `/api/v1/admin/orders?filter=${encodeURIComponent(JSON.stringify({ q: pending.order.number }))}`);
    expect(list.headers['content-range']).toBe('orders 0-0/1');
    const id = list.json()[0].id;
    const one = await get(w, admin.token, `/api/v1/admin/orders/${id}`);
    expect(one.json()).toMatchObject({ number: pending.order.number, status: 'pending', customerId: customer.user.id, payments: [{ status: 'pending' }], threadId: pending.order.threadId });

    const cancelled = await post(w, admin.token, `/api/v1/admin/orders/${id}/cancel`, { reason: 'Customer asked by phone' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Customer asked by phone', payments: [{ status: 'failed' }] });
    const thread = await get(w, customer.token, `/api/v1/inbox/threads/${pending.order.threadId}`);
    expect(thread.json().messages).toEqual([expect.objectContaining({ kind: 'system', body: expect.stringContaining('Customer asked by phone') })]);

    const paid = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, paid.piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: paid.piPaymentId, txid });
    const paidId = (await dbState(w, paid.orderNumber)).order.id;
    const refused = await post(w, admin.token, `/api/v1/admin/orders/${paidId}/cancel`, { reason: 'try anyway' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ORDER_INVALID_TRANSITION');
    expect((await dbState(w, paid.orderNumber)).order.status).toBe('paid');
    expect((await w.app.inject({ method: 'DELETE', url: `/api/v1/admin/orders/${paidId}`, headers: bearer(admin.token) })).statusCode).toBe(404);
  });

  it('threads and messages: list with unread counts, read, answer, note', async () => {
    const customer = await createUser(w.t);
    const service = await createService(w);
    const c = (await checkout(w, customer.token, service.slug)).json();
    await post(w, customer.token, `/api/v1/inbox/threads/${c.order.threadId}/messages`, { body: 'Question' });
    const list = await get(w, admin.token, `/api/v1/admin/threads?filter=${encodeURIComponent(JSON.stringify({ q: c.order.number }))}`);
    expect(list.json()).toEqual([expect.objectContaining({ id: c.order.threadId, orderNumber: c.order.number, unread: 1, customerId: customer.user.id })]);
    const one = await get(w, admin.token, `/api/v1/admin/threads/${c.order.threadId}`);
    expect(one.json()).toMatchObject({ id: c.order.threadId, messages: [{ body: 'Question' }] });
    // Reading changes nothing; marking read is its own call.
    const unreadOf = async () => (await get(w, admin.token, `/api/v1/admin/threads?filter=${encodeURIComponent(JSON.stringify({ q: c.order.number }))}`)).json()[0].unread;
    expect(await unreadOf()).toBe(1);
    expect((await post(w, admin.token, `/api/v1/admin/threads/${c.order.threadId}/read`, {})).statusCode).toBe(200);
    expect(await unreadOf()).toBe(0);
    const answer = await post(w, admin.token, '/api/v1/admin/messages', { threadId: c.order.threadId, body: 'Answer' });
    expect(answer.statusCode).toBe(201);
    const note = await post(w, admin.token, `/api/v1/admin/threads/${c.order.threadId}/messages`, { body: 'Note', internal: true });
    expect(note.json()).toMatchObject({ internal: true, kind: 'admin', threadId: c.order.threadId });
    const messages = await get(w, admin.token, `/api/v1/admin/messages?filter=${encodeURIComponent(JSON.stringify({ threadId: c.order.threadId }))}`);
    expect(messages.headers['content-range']).toBe('messages 0-2/3');
    expect((await put(`/api/v1/admin/messages/${note.json().id}`, { body: 'edit' })).statusCode).toBe(404);
  });
});
