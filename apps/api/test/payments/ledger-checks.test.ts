import { Keypair } from '@stellar/stellar-sdk';
import { approveAndSubmit, buildWorld, createService, dbState, piCustomer, post, startPayment, type World } from './world';

/**
 * The app's own checks against what Pi and the ledger say, with the sandbox playing a Pi that
 * did not notice (`verified: true`): only our reading of the ledger and of Pi's record can refuse.
 */
describe('ledger and wallet checks against the sandbox', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());
  afterEach(() => w.pi.resetFaults());

  it.each(['wrong_memo', 'wrong_amount', 'wrong_destination', 'failed'] as const)(
    'a transaction on the ledger that does not pay this payment (%s) is refused at complete: nothing confirmed, nothing completed with Pi',
    async (kind) => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
      await w.pi.setFaults({ badTransaction: { kind, verified: true } });
      const txid = await approveAndSubmit(w, customer.token, piPaymentId);
      const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status: 422, code: 'PAYMENT_LEDGER_MISMATCH' });
      const s = await dbState(w, orderNumber);
      expect({ order: s.order.status, payment: s.payments[0].status }).toEqual({ order: 'pending', payment: 'initiated' });
      expect((await w.pi.getPayment(piPaymentId)).status.developer_completed).toBe(false);
    },
  );
});

describe('a Pi payment to another wallet than the app\'s', () => {
  let w: World;
  beforeAll(async () => {
    // The API expects a wallet the sandbox does not pay: every payment's to_address differs.
    w = await buildWorld({ PI_APP_WALLET_ADDRESS: Keypair.random().publicKey() });
  });
  afterAll(() => w.close());

  it('is refused at approve (PAYMENT_WALLET_MISMATCH) and cancelled with Pi at once', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status: 422, code: 'PAYMENT_WALLET_MISMATCH' });
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ developer_approved: false, cancelled: true });
    expect((await dbState(w, orderNumber)).order.status).toBe('pending');
  });
});
