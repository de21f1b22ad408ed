import { MEDIA_KINDS, MEDIA_STATUSES } from '@pishop/shared';

const thumbnail = {
  type: 'object',
  required: ['width', 'height', 'url'],
  properties: { width: { type: 'integer' }, height: { type: 'integer' }, url: { type: 'string' } },
} as const;

/** JSON schema of a media object (response serialisation and OpenAPI). */
export const mediaObjectSchema = {
  type: 'object',
  title: 'MediaObject',
  required: ['id', 'kind', 'status', 'url', 'mime', 'size', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: [...MEDIA_KINDS] },
    status: {
      type: 'string',
      enum: [...MEDIA_STATUSES],
      description: '`processing` while the background job runs (videos, recompress); `failed` with `error`',
    },
    url: {
      type: 'string',
      description: 'Image: the re-encoded image. Video: the preview once ready, the uploaded original before.',
    },
    previewUrl: { type: 'string', description: 'Video: the `*_s.mp4` preview (3 s, 240 px, 12 fps, no audio). Image: the smallest thumbnail.' },
    thumbnails: { type: 'array', items: thumbnail, description: 'Image: WebP renditions, narrowest first' },
    error: { type: 'string', description: 'Why the last processing failed (`failed`; or `ready` after a failed recompress, the previous file kept)' },
    mime: { type: 'string', description: 'Type read from the bytes' },
    size: { type: 'integer', description: 'Bytes uploaded' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    originalName: { type: 'string', description: "The client's file name (a label only)" },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;
