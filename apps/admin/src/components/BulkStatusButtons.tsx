import { Button, useDataProvider, useListContext, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { useMutation } from '@tanstack/react-query';

/** Bulk activate/deactivate through `POST /admin/<resource>/bulk`. */
export function BulkStatusButtons({ resource }: { resource: string }) {
  const { selectedIds } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const mutation = useMutation({
    mutationFn: (action: 'activate' | 'deactivate') => dataProvider.bulkAction(resource, { ids: selectedIds, action }),
    onSuccess: (_data, action) => {
      notify(`${selectedIds.length} ${action}d`, { type: 'info' });
      unselectAll();
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <Button label="Activate" onClick={() => mutation.mutate('activate')} disabled={mutation.isPending} />
      <Button label="Deactivate" onClick={() => mutation.mutate('deactivate')} disabled={mutation.isPending} />
    </>
  );
}
