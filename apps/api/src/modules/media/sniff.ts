import { Transform, type TransformCallback } from 'node:stream';
// ESM-only: Node >= 20.19 loads it with require() in the compiled build; jest transforms it.
import { fileTypeFromBuffer, supportedExtensions } from 'file-type';
import type { MediaKind } from '@pishop/shared';
import { MediaErrors } from './media.errors';

/** Bytes file-type reads to decide (its `reasonableDetectionSizeInBytes`). */
const SNIFF_BYTES = 4100;

/** A format we accept, as read from the bytes. */
export interface SniffedFormat {
  kind: MediaKind;
  mime: string;
  /** Extension of the stored file. */
  ext: 'jpg' | 'png' | 'webp' | 'mp4' | 'mov' | 'webm';
  /** Human name for messages. */
  label: string;
}

/** file-type's extension → what we store. Anything else is refused. */
const ACCEPTED: Record<string, SniffedFormat> = {
  jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
  png: { kind: 'image', mime: 'image/png', ext: 'png', label: 'PNG' },
  apng: { kind: 'image', mime: 'image/png', ext: 'png', label: 'PNG' },
  webp: { kind: 'image', mime: 'image/webp', ext: 'webp', label: 'WebP' },
  mp4: { kind: 'video', mime: 'video/mp4', ext: 'mp4', label: 'MP4' },
  m4v: { kind: 'video', mime: 'video/mp4', ext: 'mp4', label: 'MP4' },
  mov: { kind: 'video', mime: 'video/quicktime', ext: 'mov', label: 'QuickTime (MOV)' },
  webm: { kind: 'video', mime: 'video/webm', ext: 'webm', label: 'WebM' },
};

export const ACCEPTED_LABEL = 'JPEG, PNG or WebP images and MP4, WebM or MOV videos';

/** Name extensions that are spellings of one format; MP4 and MOV are one container family. */
const FAMILY: Record<string, string> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg',
  png: 'png', apng: 'png',
  webp: 'webp',
  mp4: 'isobmff', m4v: 'isobmff', mov: 'isobmff', qt: 'isobmff',
  webm: 'webm',
};

/** Detects the type from the first bytes; undefined when it is not one we accept. */
export async function detectFormat(head: Uint8Array): Promise<{ format?: SniffedFormat; detected?: string }> {
  const type = await fileTypeFromBuffer(head);
  return { format: type ? ACCEPTED[type.ext] : undefined, detected: type?.ext };
}

/**
 * Refuses a name whose extension names another recognisable type than the bytes (a PNG
 * called `clip.mp4`, an executable called `photo.jpg`). Names without a known extension
 * are fine: the bytes decide.
 */
export function assertNameMatches(name: string | null, detectedExt: string): void {
  const ext = name?.match(/\.([A-Za-z0-9]{1,10})$/)?.[1]?.toLowerCase();
  if (!ext) return;
  const known = ext in FAMILY || supportedExtensions.has(ext as never);
  if (!known) return;
  const nameFamily = FAMILY[ext] ?? ext;
  const bytesFamily = FAMILY[detectedExt] ?? detectedExt;
  if (nameFamily !== bytesFamily) {
    const label = ACCEPTED[detectedExt]?.label ?? detectedExt.toUpperCase();
    throw MediaErrors.unsupported(`The file's content is ${label} but its name ends in .${ext}; upload ${ACCEPTED_LABEL}`);
  }
}

/** Refuses names carrying a path, `..`, or control characters (the name is only ever a label). */
export function checkClientName(name: string | undefined): string | null {
  if (name === undefined || name === '') return null;
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name === '.' || name === '..' || Buffer.byteLength(name) > 255) {
    throw MediaErrors.badFilename();
  }
  return name;
}

/**
 * Passes bytes through while counting them; sniffs the type from the first bytes and then
 * holds the stream to the size limit of that kind. Errors stop the upload at once.
 */
export class SniffingCounter extends Transform {
  bytes = 0;
  format?: SniffedFormat;
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(
    private readonly limits: Record<MediaKind, number>,
    private readonly accept: (format: SniffedFormat, detectedExt: string) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.format) return this.pass(chunk, done);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return done();
    this.sniff().then(() => this.pass(this.takeHead(), done), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.format) return done();
    if (this.bytes === 0) return done(MediaErrors.empty());
    this.sniff().then(() => this.pass(this.takeHead(), done), done);
  }

  private async sniff(): Promise<void> {
    const head = Buffer.concat(this.head);
    const { format, detected } = await detectFormat(head);
    if (!format) {
      throw MediaErrors.unsupported(
        detected ? `Files of type .${detected} are not accepted; upload ${ACCEPTED_LABEL}` : `Unrecognised file type; upload ${ACCEPTED_LABEL}`,
      );
    }
    this.accept(format, detected!);
    this.format = format;
  }

  private takeHead(): Buffer {
    const head = Buffer.concat(this.head);
    this.head = [];
    return head;
  }

  /** Forwards `chunk`, or fails once the count passes the limit of the sniffed kind. */
  private pass(chunk: Buffer, done: TransformCallback): void {
    const format = this.format!;
    const limit = this.limits[format.kind];
    if (this.bytes > limit) done(MediaErrors.tooLarge(format.kind, limit));
    else done(null, chunk);
  }
}
