import { MediaErrorCodes, type MediaKind } from '@pishop/shared';
import { AppError } from '../../lib/app-error';

const megabytes = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(2)} MB`;

export const MediaErrors = {
  fileMissing: (message = 'Send the file as multipart/form-data in a field named "file"') =>
    new AppError(MediaErrorCodes.MEDIA_FILE_MISSING, message),
  empty: () => new AppError(MediaErrorCodes.MEDIA_EMPTY, 'The file is empty'),
  badFilename: () =>
    new AppError(MediaErrorCodes.MEDIA_BAD_FILENAME, 'The file name must be a plain name, without folders or control characters'),
  tooLarge: (kind: MediaKind, limit: number) =>
    new AppError(MediaErrorCodes.MEDIA_TOO_LARGE, `The ${kind} is too large: at most ${megabytes(limit)}`, { kind, limitBytes: limit }),
  tooManyParts: (message: string) => new AppError(MediaErrorCodes.MEDIA_TOO_LARGE, message),
  unsupported: (message: string) => new AppError(MediaErrorCodes.MEDIA_UNSUPPORTED_TYPE, message),
  unreadable: (message = 'The image cannot be read; it may be damaged') => new AppError(MediaErrorCodes.MEDIA_UNREADABLE, message),
  notFound: (ids?: number[]) =>
    new AppError(
      MediaErrorCodes.MEDIA_NOT_FOUND,
      ids && ids.length > 1 ? `Media not found: ${ids.join(', ')}` : 'Media not found',
      ids ? { ids } : undefined,
    ),
};
