import fsp from 'node:fs/promises';
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import type { StoredThumbnail } from './media.entity';
import { MediaErrors } from './media.errors';
import { keyFor, type MediaStorage } from './storage';
import type { SniffedFormat } from './sniff';

/** Decompression-bomb guard: larger images are refused (a 60 MP photo decodes to ~240 MB). */
export const MAX_IMAGE_PIXELS = 60_000_000;
const INPUT: SharpOptions = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', autoOrient: true };
const SHARP_FORMAT: Record<string, string> = { jpg: 'jpeg', png: 'png', webp: 'webp' };

export interface ProcessedImage {
  fileKey: string;
  width: number;
  height: number;
  thumbnails: StoredThumbnail[];
}

/**
 * Re-encodes an uploaded image in its own format (orientation applied, metadata such as EXIF
 * and GPS dropped) and makes WebP thumbnails; everything is stored under `base`.
 */
export async function processImage(
  storage: MediaStorage,
  input: string,
  format: SniffedFormat,
  base: string,
  widths: number[],
): Promise<ProcessedImage> {
  const meta = await sharp(input, INPUT).metadata().catch(() => undefined);
  if (!meta || meta.format !== SHARP_FORMAT[format.ext] || !meta.width || !meta.height) throw MediaErrors.unreadable();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw MediaErrors.unreadable(`The image is too large: at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
  }
  const work: string[] = [];
  const stored: string[] = [];
  try {
    const master = storage.tempPath(`.${format.ext}`);
    work.push(master);
    const info = await encodeLike(sharp(input, INPUT), format.ext)
      .toFile(master)
      .catch(() => {
        throw MediaErrors.unreadable();
      });
    const thumbnails = await makeThumbnails(storage, master, base, widths, info.width, work, stored);
    const fileKey = keyFor(base, `.${format.ext}`);
    await storage.put(fileKey, master);
    stored.push(fileKey);
    return { fileKey, width: info.width, height: info.height, thumbnails };
  } catch (err) {
    await Promise.all(stored.map((k) => storage.delete(k).catch(() => undefined)));
    throw err;
  } finally {
    await Promise.all(work.map((f) => fsp.rm(f, { force: true })));
  }
}

/** WebP renditions at each width (never wider than the image), from a local file. */
export async function makeThumbnails(
  storage: MediaStorage,
  source: string,
  base: string,
  widths: number[],
  sourceWidth: number,
  work: string[] = [],
  stored: string[] = [],
): Promise<StoredThumbnail[]> {
  const actual = [...new Set(widths.map((w) => Math.min(w, sourceWidth)))].sort((a, b) => a - b);
  const thumbnails: StoredThumbnail[] = [];
  for (const width of actual) {
    const tmp = storage.tempPath('.webp');
    work.push(tmp);
    const info = await sharp(source, INPUT).resize({ width }).webp({ quality: 80 }).toFile(tmp);
    const key = keyFor(base, `_w${width}.webp`);
    await storage.put(key, tmp);
    stored.push(key);
    thumbnails.push({ width: info.width, height: info.height, key });
  }
  return thumbnails;
}

/** Regenerates thumbnails from a stored image (recompress); returns them with the image size. */
export async function rethumbnail(storage: MediaStorage, fileKey: string, base: string, widths: number[]) {
  const local = await storage.localCopy(fileKey);
  const work: string[] = [];
  const stored: string[] = [];
  try {
    const meta = await sharp(local.path, INPUT).metadata();
    if (!meta.width || !meta.height) throw new Error('the stored image has no size');
    const thumbnails = await makeThumbnails(storage, local.path, base, widths, meta.width, work, stored);
    return { thumbnails, width: meta.width, height: meta.height };
  } catch (err) {
    await Promise.all(stored.map((k) => storage.delete(k).catch(() => undefined)));
    throw err;
  } finally {
    await Promise.all(work.map((f) => fsp.rm(f, { force: true })));
    await local.release();
  }
}

function encodeLike(image: Sharp, ext: SniffedFormat['ext']): Sharp {
  if (ext === 'jpg') return image.jpeg({ quality: 85, mozjpeg: true });
  if (ext === 'png') return image.png({ compressionLevel: 8 });
  return image.webp({ quality: 85 });
}
