import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import type { MediaKind } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { MediaErrors } from './media.errors';
import { ACCEPTED_LABEL, SniffingCounter, assertNameMatches, checkClientName, type SniffedFormat } from './sniff';

export interface UploadLimits {
  maxBytes: Record<MediaKind, number>;
  /** Kinds this endpoint takes (e.g. avatars: images only). */
  kinds: readonly MediaKind[];
}

/** A checked upload in a temp file; the caller moves it into storage or removes it. */
export interface ReceivedUpload {
  tmpPath: string;
  size: number;
  format: SniffedFormat;
  originalName: string | null;
}

const FIELD = 'file';

/**
 * Streams the one file of a multipart request into `tmpPath` while counting its bytes and
 * reading its type from the first bytes; refuses (and removes the temp file) on an empty
 * file, a type we do not take, a name that contradicts the bytes or carries a path, more
 * than one file, or more bytes than its kind allows.
 */
export async function receiveUpload(request: FastifyRequest, tmpPath: string, limits: UploadLimits): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw MediaErrors.fileMissing();
  const largest = Math.max(...limits.kinds.map((k) => limits.maxBytes[k]));
  const parts = request.parts({
    // The busboy cap is one byte over the largest limit so the counter sees the excess.
    limits: { fileSize: largest + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024, fieldNameSize: 100, headerPairs: 100 },
    // Keep the client's path so a name like `../../etc/passwd` is refused, not silently trimmed.
    preservePath: true,
  });
  let received: ReceivedUpload | undefined;
  try {
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      received = await receiveFile(part, tmpPath, limits);
    }
    if (!received) throw MediaErrors.fileMissing();
    return received;
  } catch (err) {
    await fsp.rm(tmpPath, { force: true });
    // Discard whatever the client still sends; nothing of it is kept.
    request.raw.unpipe();
    request.raw.resume();
    throw toUploadError(err);
  }
}

async function receiveFile(part: Multipart & { type: 'file' }, tmpPath: string, limits: UploadLimits): Promise<ReceivedUpload> {
  if (part.fieldname !== FIELD) {
    part.file.resume();
    throw MediaErrors.fileMissing(`Send the file in a field named "${FIELD}" (got "${part.fieldname}")`);
  }
  let originalName: string | null;
  try {
    originalName = checkClientName(part.filename);
  } catch (err) {
    part.file.resume();
    throw err;
  }
  const counter = new SniffingCounter(limits.maxBytes, (format, detectedExt) => {
    if (!limits.kinds.includes(format.kind)) {
      throw MediaErrors.unsupported(`${format.label} files are not accepted here; upload ${limits.kinds.join(' or ')} files`);
    }
    assertNameMatches(originalName, detectedExt);
  });
  const out = fs.createWriteStream(tmpPath, { flags: 'wx', mode: 0o640 });
  try {
    await pipeline(part.file, counter, out);
  } catch (err) {
    // A refusal can come while the temp file is still being opened; wait for the stream to
    // close so that removing the file afterwards sticks (nothing of a refused upload is kept).
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    throw err;
  }
  if (part.file.truncated) throw MediaErrors.tooLarge(counter.format!.kind, limits.maxBytes[counter.format!.kind]);
  return { tmpPath, size: counter.bytes, format: counter.format!, originalName };
}

/** Multipart parser errors → the media codes; anything unexpected passes through. */
function toUploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'FST_FILES_LIMIT':
      return MediaErrors.tooManyParts('Send one file per upload');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return MediaErrors.tooManyParts('Too many form fields; send only the file');
    case 'FST_REQ_FILE_TOO_LARGE':
      return MediaErrors.tooManyParts('The file is too large');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_MP_PREMATURE_CLOSE':
      return MediaErrors.fileMissing(`The upload is not valid multipart/form-data; send ${ACCEPTED_LABEL} in a field named "${FIELD}"`);
    default:
      if (err instanceof Error && /multipart|boundary|part terminated|unexpected end/i.test(err.message)) {
        return MediaErrors.fileMissing('The upload is not valid multipart/form-data');
      }
      return err;
  }
}
