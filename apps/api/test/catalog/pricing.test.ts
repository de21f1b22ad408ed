import { eurCentsToPi } from '../../src/modules/catalog/pricing';

describe('eurCentsToPi', () => {
  it.each([
    [1000, '0.30', '33.3333334'], // 10.00 EUR at 0.30 EUR/π: 33.333333333... rounded UP
    [300, '0.30', '10.0000000'], // exact: no rounding up of an exact result
    [1, '0.30', '0.0333334'],
    [0, '0.30', '0.0000000'],
    [49000, '0.30', '1633.3333334'],
    [120000, '0.30', '4000.0000000'],
    [100_000_000, '0.30', '3333333.3333334'], // one million EUR: no float drift
    [1999, '3.14', '6.3662421'], // 19.99 / 3.14 = 6.36624203...
    [1000, '0.3', '33.3333334'],
    [1000, '7', '1.4285715'], // 1.428571428... up
    [333, '1', '3.3300000'],
  ])('%i cents at %s EUR/π is %s π', (cents, rate, expected) => {
    expect(eurCentsToPi(cents, rate)).toBe(expected);
  });

  it('always answers 7 decimals', () => {
    for (const cents of [1, 7, 99, 1234, 98765]) expect(eurCentsToPi(cents, '0.30')).toMatch(/^\d+\.\d{7}$/);
  });

  it('never undercharges: the π amount times the rate covers the EUR price', () => {
    for (const cents of [1, 2, 3, 17, 999, 1001, 12345, 49000]) {
      const pi = eurCentsToPi(cents, '0.30');
      // In integers: units of 1e-7 π; units/1e7 × 3/10 EUR ≥ cents/100 EUR ⇔ units × 300 ≥ cents × 1e8.
      const units = BigInt(pi.replace('.', ''));
      expect(units * 300n).toBeGreaterThanOrEqual(BigInt(cents) * 100_000_000n);
      // ...and one 1e-7 step less would not cover it (rounded up, not more).
      expect((units - 1n) * 300n).toBeLessThan(BigInt(cents) * 100_000_000n);
    }
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses %p cents', (cents) => {
    expect(() => eurCentsToPi(cents, '0.30')).toThrow(RangeError);
  });

  it.each([['0'], ['-0.3'], ['abc'], ['']])('refuses a rate of %p', (rate) => {
    expect(() => eurCentsToPi(1000, rate)).toThrow(RangeError);
  });
});
