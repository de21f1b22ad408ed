import { PaymentLeases } from '../../src/modules/payments/payment-lease';
import { createTestDatabase } from '../support/database';

describe('payment leases', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.ds.destroy();
    await db.cleanup();
  });

  it('a caller queued behind a stuck holder in the same process gives up with PAYMENT_BUSY after waitMs; the holder is never doubled', async () => {
    const leases = new PaymentLeases(db.ds, { ttlMs: 15_000, waitMs: 300 });
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    let working = 0;
    let most = 0;
    const work = async (hold?: Promise<void>) => {
      working += 1;
      most = Math.max(most, working);
      await hold;
      working -= 1;
      return 'done';
    };
    const holder = leases.run('pi-payment-1', () => work(stuck));
    const waiters = [1, 2, 3].map(() => leases.run('pi-payment-1', () => work()).then(() => 'ran', (err: { code?: string }) => err.code));
    expect(await Promise.all(waiters)).toEqual(['PAYMENT_BUSY', 'PAYMENT_BUSY', 'PAYMENT_BUSY']);
    release();
    expect(await holder).toBe('done');
    expect(most).toBe(1);
    // Free again: the next caller runs at once.
    expect(await leases.run('pi-payment-1', () => work())).toBe('done');
  });
});
