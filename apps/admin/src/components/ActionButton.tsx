import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { dataProvider } from '../dataProvider';

/**
 * Posts to `/admin/<resource>/<id>/<action>`; asks for a reason first when `reason` is set
 * (audited actions need one).
 */
export function ActionButton({ resource, action, label, reason }: { resource: string; action: string; label: string; reason?: string }) {
  const record = useRecordContext<{ id: number }>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
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
