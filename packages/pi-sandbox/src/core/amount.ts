import Decimal from 'decimal.js';
import { PI_AMOUNT_DECIMALS } from '@pishop/pi-protocol';
import { PiError } from './errors';

const STROOPS_PER_PI = new Decimal(10).pow(PI_AMOUNT_DECIMALS);

/**
 * Parses a payment amount as Pi does: a positive number with at most 7 decimals. Strings are
 * accepted too, so callers that keep π as decimal strings need not round-trip through floats.
 * Returns the canonical decimal string (no exponent, no trailing zeros).
 */
export function parseAmount(value: unknown): string {
  const amount = toDecimal(value);
  if (!amount || !amount.isFinite()) throw invalidAmount(`Amount ${String(value)} is not a number`);
  if (amount.lte(0)) throw invalidAmount('Amount must be greater than 0');
  if (amount.decimalPlaces() > PI_AMOUNT_DECIMALS) {
    throw invalidAmount(`Amount ${amount.toFixed()} has more than ${PI_AMOUNT_DECIMALS} decimals`);
  }
  return amount.toFixed();
}

/** Horizon writes amounts with exactly 7 decimals. */
export const toLedgerAmount = (amount: string): string => new Decimal(amount).toFixed(PI_AMOUNT_DECIMALS);

/** π (a decimal string with at most 7 decimals) to stroops. */
export const toStroops = (amount: string): bigint => BigInt(new Decimal(amount).mul(STROOPS_PER_PI).toFixed(0));

/** Stroops to Horizon's 7-decimal π string. */
export const fromStroops = (stroops: bigint): string =>
  new Decimal(stroops.toString()).div(STROOPS_PER_PI).toFixed(PI_AMOUNT_DECIMALS);

function toDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(String(value)) : null;
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
    return null;
  }
  return new Decimal(value.trim());
}

const invalidAmount = (message: string): PiError => new PiError(400, 'invalid_amount', message);
