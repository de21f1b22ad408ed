import { fromStroops, parseAmount, toLedgerAmount, toStroops } from '../src/core/amount';
import { newPaymentId } from '../src/core/ids';
import { keypairFromSeed } from '../src/core/stellar';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS, PI_SANDBOX_DEV_APP_WALLET_SEED } from '../src';

describe('identifiers', () => {
  it('are unique and shaped like Pi payment ids (28 alphanumerics, a text memo)', () => {
    const ids = new Set(Array.from({ length: 200 }, newPaymentId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{28}$/);
  });
});

describe('the development app wallet', () => {
  it("is the seed's own public key", () => {
    expect(keypairFromSeed(PI_SANDBOX_DEV_APP_WALLET_SEED).publicKey()).toBe(PI_SANDBOX_DEV_APP_WALLET_ADDRESS);
  });
});

describe('amounts', () => {
  it.each([
    [1, '1'],
    [3.1415926, '3.1415926'],
    ['0.1000000', '0.1'],
    ['12', '12'],
    [' 2.5 ', '2.5'],
    ['1e-7', '0.0000001'],
  ])('reads %p as %s', (input, canonical) => {
    expect(parseAmount(input)).toBe(canonical);
  });

  it('refuses binary float noise rather than rounding it', () => {
    expect(() => parseAmount(0.1 + 0.2)).toThrow(/more than 7 decimals/);
  });

  it('writes ledger amounts with exactly 7 decimals', () => {
    expect(toLedgerAmount('1.5')).toBe('1.5000000');
    expect(toLedgerAmount('123456789.0000001')).toBe('123456789.0000001');
  });

  it('converts to and from stroops exactly', () => {
    expect(toStroops('0.0000001')).toBe(1n);
    expect(toStroops('123456789.0000001')).toBe(1234567890000001n);
    expect(fromStroops(1234567890000001n)).toBe('123456789.0000001');
    expect(fromStroops(15_000_000n)).toBe('1.5000000');
  });
});
