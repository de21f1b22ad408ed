import { FunctionField } from 'react-admin';
import { formatEur, formatPi } from '../format';

/** Integer cents as EUR ("€490.00"). */
export function EurField({ source, label, sortBy }: { source: string; label: string; sortBy?: string }) {
  return <FunctionField label={label} sortBy={sortBy ?? source} render={(r: Record<string, number>) => formatEur(r[source])} />;
}

/** A π decimal string ("163,400.00 π"). */
export function PiField({ source, label, sortBy }: { source: string; label: string; sortBy?: string }) {
  return <FunctionField label={label} sortBy={sortBy ?? source} render={(r: Record<string, string>) => formatPi(r[source])} />;
}
