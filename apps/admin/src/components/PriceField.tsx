import { useRecordContext } from 'react-admin';

/** EUR cents with the π estimate the API computed. */
export function PriceField(_props: { label?: string; sortBy?: string }) {
  const record = useRecordContext<{ priceEurCents: number; pricePi?: string }>();
  if (!record) return null;
  return (
    <span>
      {(record.priceEurCents / 100).toLocaleString('en-IE', { style: 'currency', currency: 'EUR' })}
      {record.pricePi ? ` · ${record.pricePi} π` : ''}
    </span>
  );
}
