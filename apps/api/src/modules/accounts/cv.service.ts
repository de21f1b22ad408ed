import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AccountErrorCodes as C, type CvInfo } from '@pishop/shared';
import { AppError } from '../../lib/app-error';

export const CV_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The seller's CV: one PDF under PRIVATE_ROOT (never served statically), streamed only to
 * signed-in users by `GET /cv`.
 */
export class CvService {
  private readonly file: string;

  constructor(privateRoot: string) {
    this.file = path.join(privateRoot, 'cv', 'cv.pdf');
  }

  async replace(bytes: Buffer): Promise<CvInfo> {
    const type = bytes.length > 0 ? await fileTypeFromBuffer(bytes) : undefined;
    if (type?.mime !== 'application/pdf') {
      throw new AppError(C.INVALID_PDF, 'The CV must be a PDF file', { fields: { file: 'is not a PDF' } });
    }
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    // Write aside, then rename: a reader never sees half a file.
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    await fsp.writeFile(temp, bytes);
    await fsp.rename(temp, this.file);
    return (await this.info())!;
  }

  async info(): Promise<CvInfo | undefined> {
    try {
      const stat = await fsp.stat(this.file);
      return { size: stat.size, uploadedAt: stat.mtime.toISOString() };
    } catch {
      return undefined;
    }
  }

  async open(): Promise<{ stream: fs.ReadStream; info: CvInfo }> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.file, 'r');
    } catch {
      throw cvNotFound();
    }
    // Size from the opened file: a replacement arriving meanwhile does not mix the two.
    const stat = await handle.stat();
    return { stream: handle.createReadStream(), info: { size: stat.size, uploadedAt: stat.mtime.toISOString() } };
  }

  async remove(): Promise<void> {
    await fsp.rm(this.file, { force: true });
  }
}

export const cvNotFound = () => new AppError(C.CV_NOT_FOUND, 'The CV has not been published yet');
