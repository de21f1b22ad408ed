import Decimal from 'decimal.js';

/** Enough significant digits that no realistic price loses a digit before rounding. */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_UP });

/** The Pi ledger's precision. */
export const PI_DECIMALS = 7;

/**
 * π for a EUR price: `priceEur / eurPerPi`, rounded UP to 7 decimals, as a fixed 7-place
 * string (10.00 EUR at 0.30 EUR/π → "33.3333334"). Pure, no floats: the checkout snapshot
 * uses the same function.
 */
export function eurCentsToPi(priceEurCents: number, eurPerPi: string): string {
  if (!Number.isSafeInteger(priceEurCents) || priceEurCents < 0) {
    throw new RangeError(`priceEurCents must be a non-negative integer, got ${priceEurCents}`);
  }
  let rate: Decimal;
  try {
    rate = new D(eurPerPi);
  } catch {
    throw new RangeError(`eurPerPi must be a decimal number, got ${JSON.stringify(eurPerPi)}`);
  }
  if (!rate.isFinite() || rate.lte(0)) throw new RangeError(`eurPerPi must be positive, got ${eurPerPi}`);
  return new D(priceEurCents).div(100).div(rate).toDecimalPlaces(PI_DECIMALS, Decimal.ROUND_UP).toFixed(PI_DECIMALS);
}
