import { useRef, useState } from 'react';
import {
  Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, ImageList, ImageListItem, ImageListItemBar,
  LinearProgress, Stack, Typography,
} from '@mui/material';
import { Labeled, useGetList, useGetOne, useInput, useNotify } from 'react-admin';
import type { MediaKind, MediaObject } from '@pishop/shared';
import { useAppDataProvider } from '../hooks/useAppDataProvider';

const ACCEPT: Record<MediaKind, string> = {
  image: 'image/jpeg,image/png,image/webp',
  video: 'video/mp4,video/webm,video/quicktime',
};

/** Polls a media object while it is processing, until ready or failed. */
export function useMediaStatus(id: number | null | undefined, pollMs = 1500) {
  return useGetOne<MediaObject>(
    'media',
    { id: id as number },
    { enabled: typeof id === 'number', refetchInterval: (q) => (q.state.data?.status === 'processing' ? pollMs : false) },
  );
}

export function MediaPreview({ media, size = 160 }: { media: MediaObject; size?: number }) {
  if (media.kind === 'video') {
    return media.status === 'ready'
      ? <video src={media.previewUrl ?? media.url} width={size} muted loop autoPlay playsInline aria-label={`video ${media.id}`} />
      : <Box sx={{ width: size, height: size * 0.56, bgcolor: 'action.hover', display: 'grid', placeItems: 'center' }}>video</Box>;
  }
  return <img src={media.previewUrl ?? media.url} alt={media.originalName ?? `image ${media.id}`} style={{ maxWidth: size, maxHeight: size }} />;
}

function LibraryDialog({ kind, open, onClose, onPick }: { kind: MediaKind; open: boolean; onClose: () => void; onPick: (id: number) => void }) {
  const { data = [], isPending } = useGetList<MediaObject>(
    'media',
    { filter: { kind }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 48 } },
    { enabled: open },
  );
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-label={`Pick ${kind === 'image' ? 'an image' : 'a video'}`}>
      <DialogTitle>Media library: {kind === 'image' ? 'images' : 'videos'}</DialogTitle>
      <DialogContent>
        {isPending && <LinearProgress />}
        {!isPending && data.length === 0 && <Typography>No {kind}s uploaded yet.</Typography>}
        <ImageList cols={4} gap={8}>
          {data.filter((m) => m.status !== 'failed').map((m) => (
            <ImageListItem key={m.id} onClick={() => onPick(m.id)} sx={{ cursor: 'pointer' }} role="button" aria-label={`Pick media ${m.id}`}>
              <MediaPreview media={m} size={180} />
              <ImageListItemBar title={m.originalName ?? `#${m.id}`} subtitle={m.status} />
            </ImageListItem>
          ))}
        </ImageList>
      </DialogContent>
      <DialogActions><Button onClick={onClose}>Cancel</Button></DialogActions>
    </Dialog>
  );
}

/**
 * A media reference (`imageMediaId`, `previewMediaId`): upload in place with a progress bar,
 * or pick from the library; shows the current one and follows its processing until ready.
 */
export function MediaInput({ source, kind, label }: { source: string; kind: MediaKind; label: string }) {
  const { field, fieldState } = useInput({ source });
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const id = typeof field.value === 'number' ? field.value : null;
  const { data: media } = useMediaStatus(id);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProgress(0);
    try {
      const uploaded = await dataProvider.upload(file, setProgress);
      if (uploaded.kind !== kind) {
        notify(`That file is a ${uploaded.kind}; this field takes a ${kind}. It stays in the media library.`, { type: 'warning' });
      } else {
        field.onChange(uploaded.id);
      }
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setProgress(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Labeled label={label} fullWidth>
      <Box>
      <Stack spacing={1} data-testid={`media-input-${source}`}>
        {media && <MediaPreview media={media} />}
        {media && (
          <Typography variant="caption" data-testid={`media-status-${source}`}>
            #{media.id} · {media.status}{media.error ? ` · ${media.error}` : ''}
          </Typography>
        )}
        {progress !== null && (
          <Box>
            <LinearProgress variant="determinate" value={Math.round(progress * 100)} aria-label={`Uploading ${label}`} />
            <Typography variant="caption">Uploading… {Math.round(progress * 100)}%</Typography>
          </Box>
        )}
        <Stack direction="row" spacing={1}>
          <input ref={fileInput} type="file" hidden accept={ACCEPT[kind]} aria-label={`${label} file`} onChange={(e) => void onFile(e.target.files?.[0])} />
          <Button variant="outlined" size="small" disabled={progress !== null} onClick={() => fileInput.current?.click()}>
            Upload {kind}
          </Button>
          <Button size="small" onClick={() => setPicking(true)}>Choose from library</Button>
          {id !== null && <Button size="small" color="warning" onClick={() => field.onChange(null)}>Remove</Button>}
        </Stack>
        {fieldState.error && <Typography color="error" variant="caption">{fieldState.error.message}</Typography>}
      </Stack>
      <LibraryDialog kind={kind} open={picking} onClose={() => setPicking(false)} onPick={(picked) => { field.onChange(picked); setPicking(false); }} />
      </Box>
    </Labeled>
  );
}
