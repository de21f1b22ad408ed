const eur = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
// π amounts are exact decimal strings with at most 7 decimals (the Pi ledger's precision).
// Intl.NumberFormat formats a numeric string as an exact decimal, so nothing is rounded.
const pi = new Intl.NumberFormat('en-IE', { maximumFractionDigits: 7 });
const piExact = new Intl.NumberFormat('en-IE', { minimumFractionDigits: 7, maximumFractionDigits: 7 });
const count = new Intl.NumberFormat('en-IE');

export const formatEur = (cents: number) => eur.format(cents / 100);
/** A π amount with grouping, trailing zeros dropped: `1,633.3333334 π`. */
export const formatPi = (amount: string) => `${pi.format(amount as `${number}`)} π`;
/** A π amount to the ledger's last digit (receipts): `1,633.3300000 π`. */
export const formatPiExact = (amount: string) => `${piExact.format(amount as `${number}`)} π`;
export const formatCount = (n: number) => count.format(n);
