import { Button, useListContext, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { useAppDataProvider } from '../hooks/useAppDataProvider';

/** One bulk action through `POST /admin/<resource>/bulk {ids, action}`. */
export function BulkActionButton({ resource, action, label }: { resource: string; action: string; label: string }) {
  const { selectedIds } = useListContext();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const mutation = useMutation({
    mutationFn: () => dataProvider.bulkAction(resource, { ids: selectedIds, action }),
    onSuccess: () => {
      notify(`${label}: ${selectedIds.length} done`, { type: 'info' });
      unselectAll();
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return <Button label={label} onClick={() => mutation.mutate()} disabled={mutation.isPending} />;
}
