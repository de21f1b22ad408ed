import { MESSAGE_MAX_LENGTH } from '@pishop/shared';
import { Message } from '../../src/modules/inbox/thread.entity';
import { createUser } from '../support/users';
import { approveAndSubmit, buildWorld, checkout, createService, get, piCustomer, post, startPayment, type World } from '../payments/world';

describe('order inbox', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  async function orderFor(token: string) {
    const service = await createService(w);
    const body = (await checkout(w, token, service.slug)).json();
    return { number: body.order.number as string, threadId: body.order.threadId as number };
  }
  const outboxTo = (to: string) => w.t.mail.to(to);

  it('customer and admin talk in the order thread, with read state per side and emails to the other side', async () => {
    const admin = await createUser(w.t, { role: 'admin', email: 'seller@example.test' });
    const customer = await createUser(w.t, { email: 'ann@example.test' });
    const { number, threadId } = await orderFor(customer.token);

    const list0 = await get(w, customer.token, '/api/v1/inbox/threads');
    expect(list0.json()).toMatchObject({ total: 1, items: [{ id: threadId, orderNumber: number, unread: 0 }] });

    const sent = await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: '  Hello, when do you start?\n' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ kind: 'customer', body: 'Hello, when do you start?', internal: false, authorId: customer.user.id });
    expect(outboxTo('seller@example.test')).toEqual([expect.objectContaining({ subject: `Customer message on order ${number}`, text: expect.stringContaining('Hello, when do you start?') })]);
    expect(outboxTo('ann@example.test')).toHaveLength(0);

    expect((await get(w, admin.token, '/api/v1/inbox/unread-count')).json()).toEqual({ unread: 1, threads: 1 });
    expect((await get(w, customer.token, '/api/v1/inbox/unread-count')).json()).toEqual({ unread: 0, threads: 0 });

    // The admin reads (marking it read for admins) and answers; then writes a note the customer never sees.
    const adminRead = await get(w, admin.token, `/api/v1/inbox/threads/${threadId}`);
    expect(adminRead.json()).toMatchObject({ id: threadId, orderNumber: number, unread: 1, messages: [{ kind: 'customer' }] });
    expect((await get(w, admin.token, '/api/v1/inbox/unread-count')).json().unread).toBe(0);
    expect((await post(w, admin.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'Tomorrow morning.' })).statusCode).toBe(201);
    expect((await post(w, admin.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'Check their logo files first', internal: true })).statusCode).toBe(201);
    expect(outboxTo('ann@example.test')).toEqual([expect.objectContaining({ subject: `New message about your order ${number}`, text: expect.stringContaining('Tomorrow morning.') })]);

    const unread = await get(w, customer.token, '/api/v1/inbox/unread-count');
    expect(unread.json()).toEqual({ unread: 1, threads: 1 });
    const listed = await get(w, customer.token, '/api/v1/inbox/threads');
    expect(listed.json().items[0]).toMatchObject({ unread: 1, lastMessagePreview: 'Tomorrow morning.' });
    const read = await get(w, customer.token, `/api/v1/inbox/threads/${threadId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(1);
    expect(read.json().messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['customer', 'Hello, when do you start?'],
      ['admin', 'Tomorrow morning.'],
    ]);
    expect(JSON.stringify(read.json())).not.toContain('logo files');
    expect((await get(w, customer.token, '/api/v1/inbox/unread-count')).json()).toEqual({ unread: 0, threads: 0 });
    // Admins see the note.
    const adminView = await get(w, admin.token, `/api/v1/inbox/threads/${threadId}`);
    expect(adminView.json().messages.filter((m: { internal: boolean }) => m.internal)).toHaveLength(1);
  });

  it("a customer cannot read or write another customer's thread (404), nor write internal notes", async () => {
    const owner = await createUser(w.t);
    const other = await createUser(w.t);
    const { threadId } = await orderFor(owner.token);
    const count = await w.t.ds.getRepository(Message).countBy({ threadId });
    const read = await get(w, other.token, `/api/v1/inbox/threads/${threadId}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('THREAD_NOT_FOUND');
    expect((await post(w, other.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'hi' })).statusCode).toBe(404);
    expect((await get(w, other.token, '/api/v1/inbox/threads')).json().total).toBe(0);
    const note = await post(w, owner.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'secret', internal: true });
    expect(note.statusCode).toBe(403);
    expect(await w.t.ds.getRepository(Message).countBy({ threadId })).toBe(count);
  });

  it('messages are plain text with a length limit; empty ones are refused', async () => {
    const customer = await createUser(w.t);
    const { threadId } = await orderFor(customer.token);
    const tooLong = await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'x'.repeat(MESSAGE_MAX_LENGTH + 1) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toHaveProperty('body');
    expect((await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: '   \n ' })).statusCode).toBe(400);
    expect((await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, {})).statusCode).toBe(400);
    const html = await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: '<b>bold</b>\u0000' });
    expect(html.json().body).toBe('<b>bold</b>');
    expect((await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'x'.repeat(MESSAGE_MAX_LENGTH) })).statusCode).toBe(201);
    expect(await w.t.ds.getRepository(Message).countBy({ threadId })).toBe(2);
  });

  it('payment confirmation posts one system message the customer sees, and emails them once', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, checkout: c } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    const thread = await get(w, customer.token, `/api/v1/inbox/threads/${c.order.threadId}`);
    expect(thread.json()).toMatchObject({ unread: 1, messages: [{ kind: 'system', body: expect.stringContaining('Payment received') }] });
    const mails = outboxTo(customer.user.email as string);
    expect(mails).toEqual([expect.objectContaining({ subject: `Update on your order ${c.order.number}` })]);
  });

  it("every link in a customer's order and message mails opens that order's storefront page on PUBLIC_URL", async () => {
    const admin = await createUser(w.t, { role: 'admin' });
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, checkout: c } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    await post(w, admin.token, `/api/v1/inbox/threads/${c.order.threadId}/messages`, { body: 'Starting tomorrow.' });
    const mails = outboxTo(customer.user.email as string);
    expect(mails.map((m) => m.subject)).toEqual([`Update on your order ${c.order.number}`, `New message about your order ${c.order.number}`]);
    const base = w.t.config.publicUrl;
    for (const mail of mails) {
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      expect(links.sort()).toEqual([`${base}/inbox/${c.order.threadId}`, `${base}/orders/${encodeURIComponent(c.order.number)}`]);
      for (const link of links) {
        // The server's table of storefront routes answers it (an unknown path would be 404).
        expect((await w.t.app.storefrontHead(new URL(link).pathname)).status).toBe(200);
      }
    }
    // And the ids in them are this customer's: the pages' data loads for them.
    expect((await get(w, customer.token, `/api/v1/inbox/threads/${c.order.threadId}`)).statusCode).toBe(200);
    expect((await get(w, customer.token, `/api/v1/orders/${encodeURIComponent(c.order.number)}`)).statusCode).toBe(200);
  });

  it('pages long threads with beforeId', async () => {
    const customer = await createUser(w.t);
    const { threadId } = await orderFor(customer.token);
    for (let i = 1; i <= 5; i++) await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: `m${i}` });
    const newest = (await get(w, customer.token, `/api/v1/inbox/threads/${threadId}?limit=2`)).json();
    expect(newest.messages.map((m: { body: string }) => m.body)).toEqual(['m4', 'm5']);
    expect(newest.hasMore).toBe(true);
    const older = (await get(w, customer.token, `/api/v1/inbox/threads/${threadId}?limit=10&beforeId=${newest.messages[0].id}`)).json();
    expect(older.messages.map((m: { body: string }) => m.body)).toEqual(['m1', 'm2', 'm3']);
    expect(older.hasMore).toBe(false);
  });
});
