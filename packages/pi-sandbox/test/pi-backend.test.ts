import Fastify, { type FastifyInstance } from 'fastify';
import { Asset, Horizon, Keypair, Memo, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import PiNetwork from 'pi-backend';
import { PI_SANDBOX_DEV_APP_WALLET_SEED, PiSandboxClient, piSandboxPlugin } from '../src';
import { API_KEY, type Running, balanceOf, startSandbox } from './helpers';

/**
 * Pi's own Node server SDK, pi-backend 0.1.3, unchanged. Its constructor takes
 * `(apiKey, walletPrivateSeed, options?: {baseUrl})`; `baseUrl` (default https://api.minepi.com) is
 * the only thing pointed at the sandbox, and it appends `/v2/...` itself. Its `submitPayment`
 * hard-codes Pi's Horizon hosts, so its steps (load the app account, fetch the base fee and time
 * bounds, build, sign with the app seed, submit, read `id`) run here with the maintained
 * @stellar/stellar-sdk against the sandbox ledger.
 */
async function submitLikePiBackend(horizonUrl: string, seed: string, payment: Awaited<ReturnType<PiNetwork['getPayment']>>): Promise<string> {
  const wallet = Keypair.fromSecret(seed);
  // pi-backend refuses to sign for a payment whose from_address is not its wallet.
  if (payment.from_address !== wallet.publicKey()) throw new Error('You should use a private seed of your app wallet!');
  const horizon = new Horizon.Server(horizonUrl, { allowHttp: true });
  const account = await horizon.loadAccount(wallet.publicKey());
  const baseFee = await horizon.fetchBaseFee();
  const tx = new TransactionBuilder(account, {
    fee: baseFee.toString(),
    networkPassphrase: payment.network,
    timebounds: await horizon.fetchTimebounds(180),
  })
    .addOperation(Operation.payment({ destination: payment.to_address, asset: Asset.native(), amount: payment.amount.toString() }))
    .addMemo(Memo.text(payment.identifier))
    .build();
  tx.sign(wallet);
  // pi-backend reads `id` (Horizon's transaction id, the hash), which the SDK's typing omits.
  const response = (await horizon.submitTransaction(tx)) as Horizon.HorizonApi.SubmitTransactionResponse & { id: string };
  expect(response.id).toBe(response.hash);
  return response.id;
}

/** The Pi error body inside the axios error pi-backend 0.1.3 lets through unchanged. */
async function piErrorOf(call: Promise<unknown>): Promise<{ status?: number; data: unknown }> {
  try {
    await call;
  } catch (error) {
    const { response } = error as { response?: { status: number; data: unknown } };
    if (response) return { status: response.status, data: response.data };
    throw error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

const standalone = async () => {
  const sb = await startSandbox();
  return { sb, baseUrl: sb.baseUrl, close: () => sb.app.close() };
};

const mounted = async () => {
  const parent: FastifyInstance = Fastify();
  parent.register(piSandboxPlugin, { prefix: '/pi-sandbox', apiKey: API_KEY });
  const origin = await parent.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `${origin}/pi-sandbox`;
  const client = new PiSandboxClient(baseUrl);
  const sb: Running = { app: parent, baseUrl, client, platform: client.platform(API_KEY) };
  return { sb, baseUrl, close: () => parent.close() };
};

describe.each([
  ['standalone', standalone],
  ['mounted under /pi-sandbox', mounted],
])("Pi's pi-backend 0.1.3 against the sandbox (%s)", (_name, start) => {
  let env: Awaited<ReturnType<typeof standalone>>;
  let pi: PiNetwork;
  beforeAll(async () => {
    env = await start();
    pi = new PiNetwork(API_KEY, PI_SANDBOX_DEV_APP_WALLET_SEED, { baseUrl: env.baseUrl });
  });
  afterAll(() => env.close());

  it('creates, reads, pays, completes and lists an App-to-User payment; balances move by exactly the amount', async () => {
    const { sb } = env;
    const pioneer = await sb.client.createUser();
    const id = await pi.createPayment({ amount: 1.25, memo: 'Refund for A-1', metadata: { order_number: 'A-1' }, uid: pioneer.uid });

    const payment = await pi.getPayment(id);
    expect(payment).toMatchObject({
      identifier: id,
      user_uid: pioneer.uid,
      amount: 1.25,
      direction: 'app_to_user',
      network: 'Pi Testnet',
      to_address: pioneer.walletAddress,
      status: { developer_approved: true, developer_completed: false },
      transaction: null,
    });
    // 0.1.3 hands back the whole body, `{incomplete_server_payments: [...]}`, whatever its typing says.
    expect(await pi.getIncompleteServerPayments()).toEqual({
      incomplete_server_payments: [expect.objectContaining({ identifier: id })],
    });

    const [appBefore, pioneerBefore] = [await balanceOf(sb, payment.from_address), await balanceOf(sb, pioneer.walletAddress)];
    const txid = await submitLikePiBackend(`${env.baseUrl}/ledger`, PI_SANDBOX_DEV_APP_WALLET_SEED, payment);
    expect(pioneerBefore.plus('1.25').equals(await balanceOf(sb, pioneer.walletAddress))).toBe(true);
    // The app wallet also pays the network fee: 0.01 π for one operation.
    expect(appBefore.minus('1.26').equals(await balanceOf(sb, payment.from_address))).toBe(true);

    const completed = await pi.completePayment(id, txid);
    expect(completed).toMatchObject({
      identifier: id,
      status: { transaction_verified: true, developer_completed: true },
      transaction: { txid, verified: true, _link: `${env.baseUrl}/ledger/transactions/${txid}` },
    });
    expect(await pi.getIncompleteServerPayments()).toEqual({ incomplete_server_payments: [] });
  });

  it('cancels an App-to-User payment not yet paid; Pi refuses what it refuses', async () => {
    const { sb } = env;
    const pioneer = await sb.client.createUser();
    const id = await pi.createPayment({ amount: 3, memo: 'Refund', metadata: {}, uid: pioneer.uid });

    const ongoing = await piErrorOf(pi.createPayment({ amount: 1, memo: 'Again', metadata: {}, uid: pioneer.uid }));
    expect(ongoing).toMatchObject({ status: 400, data: { error: 'ongoing_payment_found', payment: { identifier: id } } });

    expect((await pi.cancelPayment(id)).status).toMatchObject({ cancelled: true, developer_completed: false });
    expect(await pi.getIncompleteServerPayments()).toEqual({ incomplete_server_payments: [] });
    expect(await piErrorOf(pi.cancelPayment(id))).toMatchObject({ status: 400, data: { error: 'cancelled_payment', payment: { identifier: id } } });
    expect(await piErrorOf(pi.getPayment('no-such-payment'))).toMatchObject({ status: 404, data: { error: 'payment_not_found' } });
    expect(await piErrorOf(pi.completePayment(id, 'a'.repeat(64)))).toMatchObject({ status: 400, data: { error: 'cancelled_payment' } });
  });

  it('is refused with a wrong server key, as Pi refuses it', async () => {
    const stranger = new PiNetwork('not-the-key', PI_SANDBOX_DEV_APP_WALLET_SEED, { baseUrl: env.baseUrl });
    expect(await piErrorOf(stranger.getIncompleteServerPayments())).toMatchObject({ status: 401, data: { error: 'unauthorized' } });
  });
});
