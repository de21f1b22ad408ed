import type { MediaObject, MediaRef, MediaThumbnail } from '@pishop/shared';
import type { Media } from './media.entity';
import type { MediaStorage } from './storage';

/** The API shape of a media row; URLs come from the storage. */
export function toMediaObject(media: Media, storage: MediaStorage): MediaObject {
  const ref = toMediaRef(media, storage);
  return {
    ...ref,
    ...(media.error && { error: media.error }),
    mime: media.mime,
    size: media.size,
    ...(media.width !== null && { width: media.width }),
    ...(media.height !== null && { height: media.height }),
    ...(media.originalName && { originalName: media.originalName }),
    createdAt: new Date(media.createdAt).toISOString(),
    updatedAt: new Date(media.updatedAt).toISOString(),
  };
}

/**
 * What other modules embed. Images: `url` = the image, thumbnails widest last, `previewUrl`
 * = the smallest thumbnail. Videos: `url` = the preview once ready (the original before).
 */
export function toMediaRef(media: Media, storage: MediaStorage): MediaRef {
  const thumbnails: MediaThumbnail[] | undefined = media.thumbnails?.length
    ? [...media.thumbnails].sort((a, b) => a.width - b.width).map((t) => ({ width: t.width, height: t.height, url: storage.url(t.key) }))
    : undefined;
  const video = media.kind === 'video';
  const shownKey = video && media.status !== 'ready' ? (media.originalKey ?? media.fileKey) : media.fileKey;
  const previewUrl = video ? (media.fileKey ? storage.url(media.fileKey) : undefined) : thumbnails?.[0]?.url;
  return {
    id: media.id,
    kind: media.kind,
    status: media.status,
    url: shownKey ? storage.url(shownKey) : '',
    ...(previewUrl && { previewUrl }),
    ...(thumbnails && { thumbnails }),
  };
}
