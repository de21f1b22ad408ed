const tone: Record<string, string> = {
  paid: 'success',
  confirmed: 'success',
  pending: 'warning',
  initiated: 'info',
  cancelled: 'secondary',
  failed: 'danger',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge text-bg-${tone[status] ?? 'light'}`}>{status}</span>;
}
