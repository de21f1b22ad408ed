import { API_KEY, type Running, startSandbox } from './helpers';

describe('a whole user-to-app payment over HTTP', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.app.close());

  it('authenticates, pays, and leaves a ledger record that matches the payment', async () => {
    const { client, platform } = sb;
    const user = await client.createUser({ username: 'alice' });
    const me = await platform.me(user.accessToken);
    expect(me).toMatchObject({ uid: user.uid, username: 'alice', credentials: { scopes: expect.arrayContaining(['username', 'payments']) } });
    expect(new Date(me.credentials.valid_until.iso8601).getTime()).toBe(me.credentials.valid_until.timestamp * 1000);

    const created = await client.createPayment({ accessToken: user.accessToken, amount: 3.1415926, memo: 'Logo design', metadata: { order_number: 'A-1' } });
    expect(created).toMatchObject({
      user_uid: user.uid,
      amount: 3.1415926,
      memo: 'Logo design',
      metadata: { order_number: 'A-1' },
      direction: 'user_to_app',
      network: 'Pi Testnet',
      transaction: null,
      status: { developer_approved: false, transaction_verified: false, developer_completed: false, cancelled: false, user_cancelled: false },
    });
    expect(created.identifier).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(created.from_address).toMatch(/^G[A-Z2-7]{55}$/);
    expect(created.to_address).toMatch(/^G[A-Z2-7]{55}$/);
    expect(new Date(created.created_at).toISOString()).toBe(created.created_at);

    const id = created.identifier;
    expect((await platform.approve(id)).status.developer_approved).toBe(true);
    const { txid } = await client.submit(id);
    expect(txid).toMatch(/^[0-9a-f]{64}$/);

    const paid = await platform.get(id);
    expect(paid.transaction).toEqual({ txid, verified: true, _link: `${sb.baseUrl}/ledger/transactions/${txid}` });
    expect(paid.status).toMatchObject({ transaction_verified: true, developer_completed: false });

    const done = await platform.complete(id, txid);
    expect(done.status).toEqual({ developer_approved: true, transaction_verified: true, developer_completed: true, cancelled: false, user_cancelled: false });

    const tx = await client.ledger.transaction(txid);
    expect(tx).toMatchObject({ id: txid, hash: txid, successful: true, memo_type: 'text', memo: id, source_account: created.from_address, operation_count: 1 });
    const [op] = (await client.ledger.operations(txid))._embedded.records;
    expect(op).toMatchObject({
      type: 'payment',
      type_i: 1,
      transaction_hash: txid,
      transaction_successful: true,
      asset_type: 'native',
      from: created.from_address,
      to: created.to_address,
      amount: '3.1415926',
    });
  });

  it('follows the payment _link to the same ledger record', async () => {
    const { client, platform } = sb;
    const user = await client.createUser();
    const payment = await client.createPayment({ accessToken: user.accessToken, amount: '2', memo: 'Two', metadata: {} });
    await platform.approve(payment.identifier);
    const { txid } = await client.submit(payment.identifier);
    const link = (await platform.get(payment.identifier)).transaction?._link;
    const res = await fetch(String(link));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ hash: txid, memo: payment.identifier });
    expect((await client.ledger.operations(txid))._embedded.records[0].amount).toBe('2.0000000');
  });

  it('never lists a user-to-app payment in incomplete_server_payments (those are A2U only)', async () => {
    await sb.client.createPayment({ accessToken: (await sb.client.createUser()).accessToken, amount: 1, memo: 'x', metadata: {} });
    expect(await sb.client.platform(API_KEY).incompleteServerPayments()).toEqual({ incomplete_server_payments: [] });
  });
});
