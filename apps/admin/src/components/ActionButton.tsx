import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useAppDataProvider } from '../hooks/useAppDataProvider';

/**
 * Posts to `/admin/<resource>/<id>/<action>`; asks for a reason first when `reason` is set
 * (audited actions need one).
 */
export function ActionButton({ resource, action, label, reason, when }: {
  resource: string; action: string; label: string; reason?: string;
  /** Shown only for records where the action applies (e.g. "Resolve flag" on flagged payments). */
  when?: (record: Record<string, unknown>) => boolean;
}) {
  const record = useRecordContext<{ id: number }>();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || (when && !when(record as unknown as Record<string, unknown>))) return null;
  const run = () => {
    const why = reason ? window.prompt(reason) : undefined;
    if (reason && !why) return;
    dataProvider.action(`${resource}/${record.id}/${action}`, why ? { reason: why } : {}).then(
      () => {
        notify(`${label}: done`, { type: 'info' });
        refresh();
      },
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  };
  return <Button label={label} onClick={run} />;
}
