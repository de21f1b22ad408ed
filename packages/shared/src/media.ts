/** Media (images and videos) uploaded by admins; other entities refer to media by id. */
export type MediaKind = 'image' | 'video';

/** `processing` until the background job finishes; `failed` carries `error`. */
export type MediaStatus = 'processing' | 'ready' | 'failed';

export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'video'];
export const MEDIA_STATUSES: readonly MediaStatus[] = ['processing', 'ready', 'failed'];

/** One resized rendition of an image (WebP). */
export interface MediaThumbnail {
  width: number;
  height: number;
  url: string;
}

/**
 * The media object answered by `POST /admin/uploads` and `GET /admin/media/:id`.
 * - image: `url` is the re-encoded image (metadata stripped), `thumbnails` are WebP renditions
 *   (widest last), `previewUrl` is the smallest thumbnail.
 * - video: while `processing` (and when `failed`) `url` is the uploaded original; once `ready`
 *   the original is removed and `url` = `previewUrl` = the light `*_s.mp4` preview
 *   (3 s, 240 px wide, 12 fps, H.264, no audio).
 */
export interface MediaObject {
  id: number;
  kind: MediaKind;
  status: MediaStatus;
  url: string;
  previewUrl?: string;
  thumbnails?: MediaThumbnail[];
  /**
   * Why the last processing failed: with status `failed`; or with `ready` when a recompress
   * failed and the previous file stays in use.
   */
  error?: string;
  /** The type read from the file's bytes, e.g. `image/png`. */
  mime: string;
  /** Bytes of the uploaded file. */
  size: number;
  width?: number;
  height?: number;
  /** The client's file name, kept as a label only (never used for storage). */
  originalName?: string;
  createdAt: string;
  updatedAt: string;
}

/** What other modules embed for a media id (`app.media.resolve(ids)`). */
export type MediaRef = Pick<MediaObject, 'id' | 'kind' | 'status' | 'url' | 'previewUrl' | 'thumbnails'>;

/** `POST /admin/media/recompress` */
export interface RecompressMediaRequest {
  ids: number[];
}

export interface RecompressMediaResponse {
  items: MediaObject[];
}

/** Error codes of the media module (HTTP status in parentheses). */
export const MediaErrorCodes = {
  /** No file part named `file`, or a malformed multipart request (400). */
  MEDIA_FILE_MISSING: 'MEDIA_FILE_MISSING',
  /** The file is empty (400). */
  MEDIA_EMPTY: 'MEDIA_EMPTY',
  /** The file name carries a path or control characters (400). */
  MEDIA_BAD_FILENAME: 'MEDIA_BAD_FILENAME',
  /** Over the size limit of its kind, or more than one file (413). */
  MEDIA_TOO_LARGE: 'MEDIA_TOO_LARGE',
  /** Not a JPEG, PNG, WebP, MP4, WebM or MOV by its bytes, or bytes that contradict the name (415). */
  MEDIA_UNSUPPORTED_TYPE: 'MEDIA_UNSUPPORTED_TYPE',
  /** The bytes look like an image but cannot be decoded (422). */
  MEDIA_UNREADABLE: 'MEDIA_UNREADABLE',
  MEDIA_NOT_FOUND: 'MEDIA_NOT_FOUND',
  /** A service, post or project names a media id that does not exist, failed, or is of the wrong kind (422, details.fields). */
  MEDIA_REFERENCE_INVALID: 'MEDIA_REFERENCE_INVALID',
} as const;
