const eur = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

export const formatEur = (cents: number) => eur.format(cents / 100);
/** π amounts arrive as exact decimal strings; trailing zeros are dropped for reading. */
export const formatPi = (amount: string) => `${amount.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')} π`;
