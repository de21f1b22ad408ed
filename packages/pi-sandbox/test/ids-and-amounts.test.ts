import { parseAmount, toLedgerAmount } from '../src/core/amount';
import { isWalletAddress, newPaymentId, newTxid, newWalletAddress } from '../src/core/ids';

describe('wallet addresses', () => {
  it('are valid Stellar account ids (StrKey with checksum)', () => {
    for (let i = 0; i < 50; i++) expect(isWalletAddress(newWalletAddress())).toBe(true);
  });

  it('accepts a published Pi testnet account and rejects a one-letter change', () => {
    const known = 'GDNDEI3B7PZCHUBXEFDE6G2F2J2DWEXFLDTBCYCGH7O2ECA36A4QTAIO';
    expect(isWalletAddress(known)).toBe(true);
    expect(isWalletAddress(known.replace(/O$/, 'P'))).toBe(false);
    expect(isWalletAddress(known.toLowerCase())).toBe(false);
  });
});

describe('identifiers', () => {
  it('are unique and shaped like Pi payment ids and Horizon hashes', () => {
    const ids = new Set(Array.from({ length: 200 }, newPaymentId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(newTxid()).toMatch(/^[0-9a-f]{64}$/);
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
});
