import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useAppDataProvider } from '../hooks/useAppDataProvider';

/** Re-runs the processing of the record's media (image thumbnails, video preview). Hidden without media. */
export function RecompressRowButton({ fields = ['imageMediaId', 'previewMediaId'] }: { fields?: string[] }) {
  const record = useRecordContext<Record<string, unknown>>();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const ids = fields.map((f) => record?.[f]).filter((v): v is number => typeof v === 'number');
  if (!record || ids.length === 0) return null;
  const run = (e: React.MouseEvent) => {
    e.stopPropagation();
    dataProvider.action('media/recompress', { ids }).then(
      () => {
        notify(`Recompressing ${ids.length} media`, { type: 'info' });
        refresh();
      },
      (err: Error) => notify(err.message, { type: 'error' }),
    );
  };
  return <Button label="Recompress" onClick={run} />;
}
