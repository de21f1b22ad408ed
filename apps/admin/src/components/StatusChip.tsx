import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

const colors: Record<string, 'success' | 'warning' | 'info' | 'error' | 'default'> = {
  paid: 'success', confirmed: 'success', completed: 'success', ready: 'success', applied: 'success',
  pending: 'warning', processing: 'warning', unchanged: 'default',
  initiated: 'info', submitted: 'info',
  failed: 'error', refused: 'error', error: 'error', flagged: 'error',
  cancelled: 'default',
};

/** A coloured status badge for any `status`-like field. */
export function StatusChip({ source = 'status' }: { source?: string; label?: string }) {
  const record = useRecordContext<Record<string, string>>();
  const value = record?.[source];
  if (!value) return null;
  return <Chip size="small" label={value} color={colors[value] ?? 'default'} />;
}
