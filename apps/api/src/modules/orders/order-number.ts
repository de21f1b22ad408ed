import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: no look-alikes when a customer reads it out.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `PS-` + 10 random characters (50 bits): unguessable enough that numbers leak nothing. */
export function newOrderNumber(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `PS-${out}`;
}

export const ORDER_NUMBER_PATTERN = /^PS-[0-9A-Z]{10}$/;

/** What the Pi wallet shows the payer. */
export function paymentMemo(orderNumber: string, title: string): string {
  const memo = `Order ${orderNumber}: ${title}`;
  return memo.length > 100 ? `${memo.slice(0, 99)}…` : memo;
}
