import { useRef, useState } from 'react';
import {
  Button, Datagrid, DateField, FunctionField, List, NumberField, SelectInput, Show, SimpleShowLayout, TextField,
  TopToolbar, useListContext, useNotify, useRecordContext, useRefresh, useUnselectAll, type ResourceProps,
} from 'react-admin';
import type { MediaObject } from '@pishop/shared';
import { useAppDataProvider } from '../../hooks/useAppDataProvider';

function Thumbnail() {
  const media = useRecordContext<MediaObject>();
  if (!media) return null;
  if (media.kind === 'video') {
    return media.status === 'ready' ? <video src={media.previewUrl} width={120} muted loop autoPlay playsInline /> : <span>{media.status}</span>;
  }
  return <img src={media.previewUrl ?? media.url} alt="" style={{ maxWidth: 120, maxHeight: 80 }} />;
}

/** Uploads a file; the server decides its type from its bytes and answers with the media object. */
function UploadButton() {
  const input = useRef<HTMLInputElement>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState<number | null>(null);
  const dataProvider = useAppDataProvider();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(0);
    try {
      const media = await dataProvider.upload(file, setBusy);
      notify(`Uploaded as media #${media.id} (${media.status})`, { type: 'info' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input ref={input} type="file" hidden accept="image/jpeg,image/png,image/webp,video/mp4,video/webm,video/quicktime" onChange={(e) => void onFile(e.target.files?.[0])} />
      <Button label={busy !== null ? `Uploading… ${Math.round(busy * 100)}%` : 'Upload'} disabled={busy !== null} onClick={() => input.current?.click()} />
    </>
  );
}

function RecompressButton() {
  const { selectedIds } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('media');
  const dataProvider = useAppDataProvider();
  const recompress = () =>
    dataProvider.action('media/recompress', { ids: selectedIds }).then(
      () => {
        notify(`${selectedIds.length} queued for recompression`, { type: 'info' });
        unselectAll();
        refresh();
      },
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  return <Button label="Recompress" onClick={recompress} />;
}

const filters = [
  <SelectInput source="kind" choices={[{ id: 'image', name: 'Image' }, { id: 'video', name: 'Video' }]} key="kind" />,
  <SelectInput source="status" choices={['processing', 'ready', 'failed'].map((s) => ({ id: s, name: s }))} key="status" />,
];

export const media: ResourceProps = {
  name: 'media',
  list: () => (
    // empty={false}: an empty library still shows the toolbar with Upload.
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<TopToolbar><UploadButton /></TopToolbar>} empty={false}>
      <Datagrid rowClick="show" bulkActionButtons={<RecompressButton />}>
        <NumberField source="id" />
        <FunctionField label="Preview" render={() => <Thumbnail />} />
        <TextField source="kind" />
        <TextField source="status" />
        <TextField source="originalName" label="Uploaded as" />
        <TextField source="error" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <FunctionField label="Preview" render={() => <Thumbnail />} />
        <TextField source="kind" />
        <TextField source="status" />
        <TextField source="mime" />
        <NumberField source="size" />
        <TextField source="url" />
        <TextField source="error" />
      </SimpleShowLayout>
    </Show>
  ),
};
