import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { AccountErrorCodes as C, ErrorCodes } from '@pishop/shared';
import { AppError } from '../../lib/app-error';

/** Multipart parsing for this route context (unless the app already parses it). */
export async function enableUploads(app: FastifyInstance): Promise<void> {
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
  }
}

/** The bytes of the single file sent in the multipart field `file`, at most `maxBytes`. */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, 'Send the file as multipart/form-data in the field "file"');
  }
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError(C.FILE_MISSING, 'No file was sent in the field "file"', { fields: { file: 'is required' } });
  }
  // Throws 413 (PAYLOAD_TOO_LARGE) past the limit.
  return part.toBuffer();
}
