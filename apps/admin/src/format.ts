/** EUR from integer cents, e.g. 49000 → "€490.00". */
export function formatEur(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  return (cents / 100).toLocaleString('en-IE', { style: 'currency', currency: 'EUR' });
}

/**
 * π from the API's decimal string (up to 7 places), without going through a float: thousands
 * separated, trailing zeros after 2 places dropped: "163400.0000003" → "163,400.0000003 π".
 */
export function formatPi(value: string | null | undefined): string {
  if (value === null || value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) return '—';
  const [int, frac = ''] = value.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac.replace(/0+$/, '').padEnd(2, '0');
  return `${sign}${digits}.${trimmed} π`;
}
