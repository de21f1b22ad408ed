import fsp from 'node:fs/promises';
import { In, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { FastifyRequest } from 'fastify';
import type { MediaKind, MediaObject, MediaRef } from '@pishop/shared';
import type { AppConfig } from '../../config';
import { supportsRowLocks } from '../../lib/row-locks';
import { fetchList, type ListParams } from '../../lib/simple-rest';
import { processImage } from './image-pipeline';
import type { MediaJobRunner } from './media-jobs';
import { Media, MediaJob } from './media.entity';
import { MediaErrors } from './media.errors';
import { mediaStates } from './media.states';
import { toMediaObject, toMediaRef } from './media.view';
import { keyFor, randomBase, type MediaStorage } from './storage';
import { receiveUpload, type ReceivedUpload } from './upload';
import { ACCEPTED_LABEL, detectFormat } from './sniff';

export interface UploadOptions {
  /** The uploader's user id. */
  uploadedBy?: string;
  /** Kinds accepted (default: images and videos). */
  kinds?: readonly MediaKind[];
}

/**
 * The media module's service, reachable by other modules as `app.media`: uploads (checked,
 * stored under random keys), reads, the admin list, recompress, and `resolve(ids)` for
 * embedding media in other resources.
 */
export class MediaService {
  constructor(
    private readonly ds: DataSource,
    readonly storage: MediaStorage,
    private readonly runner: MediaJobRunner,
    private readonly settings: AppConfig['media'],
  ) {}

  /**
   * Takes the multipart upload of `request` (field `file`). Images are re-encoded with
   * thumbnails and answered `ready`; videos are stored and answered `processing` while a
   * background job makes the preview. Refusals leave no file and no row.
   */
  async upload(request: FastifyRequest, opts: UploadOptions = {}): Promise<MediaObject> {
    await this.storage.init();
    const tmp = this.storage.tempPath('.upload');
    const limits = { image: this.settings.maxImageBytes, video: this.settings.maxVideoBytes };
    const received = await receiveUpload(request, tmp, { maxBytes: limits, kinds: opts.kinds ?? ['image', 'video'] });
    try {
      return received.format.kind === 'image'
        ? await this.storeImage(received, opts.uploadedBy)
        : await this.storeVideo(received, opts.uploadedBy);
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  /**
   * Stores a file the server itself made (demo data), through the same checks and pipeline
   * as an upload: the bytes decide the kind, images are re-encoded with thumbnails, videos
   * get their preview from the job runner. The source file is left in place.
   */
  async importFile(filePath: string, originalName: string, opts: UploadOptions = {}): Promise<MediaObject> {
    await this.storage.init();
    const handle = await fsp.open(filePath, 'r');
    const head = new Uint8Array(4100);
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    const { format, detected } = await detectFormat(head);
    if (!format || !(opts.kinds ?? ['image', 'video']).includes(format.kind)) {
      throw MediaErrors.unsupported(`${detected ?? 'this'} files are not accepted; use ${ACCEPTED_LABEL}`);
    }
    const { size } = await fsp.stat(filePath);
    const tmp = this.storage.tempPath('.upload');
    await fsp.copyFile(filePath, tmp);
    const received: ReceivedUpload = { tmpPath: tmp, size, format, originalName };
    try {
      return format.kind === 'image' ? await this.storeImage(received, opts.uploadedBy) : await this.storeVideo(received, opts.uploadedBy);
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  async get(id: number): Promise<MediaObject> {
    const media = await this.ds.getRepository(Media).findOneBy({ id });
    if (!media) throw MediaErrors.notFound();
    return toMediaObject(media, this.storage);
  }

  async list(params: ListParams): Promise<{ rows: MediaObject[]; total: number; start: number }> {
    const result = await fetchList(this.ds.getRepository(Media).createQueryBuilder('m'), params);
    return { ...result, rows: result.rows.map((m) => toMediaObject(m, this.storage)) };
  }

  /** For other modules: id → URLs and status of each known id (unknown ids are left out). */
  async resolve(ids: readonly number[]): Promise<Record<number, MediaRef>> {
    const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
    if (wanted.length === 0) return {};
    const rows = await this.ds.getRepository(Media).findBy({ id: In(wanted) });
    return Object.fromEntries(rows.map((m) => [m.id, toMediaRef(m, this.storage)]));
  }

  /**
   * Runs the processing again (video preview; image thumbnails) in the background. An item
   * with a job already open is left as it is, so repeating the call is harmless. Unknown ids
   * refuse the whole call (404) and change nothing.
   */
  async recompress(ids: readonly number[]): Promise<MediaObject[]> {
    const wanted = [...new Set(ids)];
    const repo = this.ds.getRepository(Media);
    const found = new Set((await repo.find({ select: { id: true }, where: { id: In(wanted) } })).map((m) => m.id));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length) throw MediaErrors.notFound(missing);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ds.transaction(async (em) => {
          for (const id of wanted) await this.queueRecompress(em, id);
        });
        break;
      } catch (err) {
        // A concurrent call opened a job for one of them first (one open job per media, unique):
        // once more, and that item is skipped.
        if (attempt > 1 || !isUniqueViolation(err)) throw err;
      }
    }
    this.runner.notify();
    const rows = await repo.findBy({ id: In(wanted) });
    const byId = new Map(rows.map((m) => [m.id, m]));
    return wanted.filter((id) => byId.has(id)).map((id) => toMediaObject(byId.get(id)!, this.storage));
  }

  private async queueRecompress(em: EntityManager, id: number): Promise<void> {
    const media = await em.getRepository(Media).findOne({
      where: { id },
      ...(supportsRowLocks(em) && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!media || (await em.getRepository(MediaJob).existsBy({ activeMediaId: id }))) return;
    const original = media.originalKey && (await this.storage.exists(media.originalKey)) ? media.originalKey : null;
    const input = media.kind === 'video' ? (original ?? media.fileKey) : media.fileKey;
    if (!input) return;
    if (media.status !== 'processing') media.status = mediaStates.transition(media.status, 'processing');
    media.error = null;
    await em.save(media);
    await em.save(
      em.create(MediaJob, {
        mediaId: id,
        task: media.kind === 'video' ? 'video_preview' : 'image_thumbnails',
        status: 'queued',
        activeMediaId: id,
        inputKey: input,
        outputBase: randomBase(),
        attempts: 0,
      }),
    );
  }

  private async storeImage(upload: ReceivedUpload, uploadedBy?: string): Promise<MediaObject> {
    const image = await processImage(this.storage, upload.tmpPath, upload.format, randomBase(), this.settings.thumbnailWidths);
    try {
      const media = await this.ds.transaction((em) =>
        em.save(
          em.create(Media, {
            ...this.common(upload, uploadedBy),
            kind: 'image',
            status: 'ready',
            fileKey: image.fileKey,
            thumbnails: image.thumbnails,
            width: image.width,
            height: image.height,
          }),
        ),
      );
      return toMediaObject(media, this.storage);
    } catch (err) {
      await Promise.all([image.fileKey, ...image.thumbnails.map((t) => t.key)].map((k) => this.storage.delete(k)));
      throw err;
    }
  }

  private async storeVideo(upload: ReceivedUpload, uploadedBy?: string): Promise<MediaObject> {
    const base = randomBase();
    const originalKey = keyFor(base, `.${upload.format.ext}`);
    await this.storage.put(originalKey, upload.tmpPath);
    try {
      const media = await this.ds.transaction(async (em) => {
        const saved = await em.save(
          em.create(Media, { ...this.common(upload, uploadedBy), kind: 'video', status: 'processing', originalKey, fileKey: null }),
        );
        await em.save(
          em.create(MediaJob, {
            mediaId: saved.id,
            task: 'video_preview',
            status: 'queued',
            activeMediaId: saved.id,
            inputKey: originalKey,
            // The preview is `<base>_s.mp4`, beside the original `<base>.<ext>`.
            outputBase: base,
            attempts: 0,
          }),
        );
        return saved;
      });
      this.runner.notify();
      return toMediaObject(media, this.storage);
    } catch (err) {
      await this.storage.delete(originalKey);
      throw err;
    }
  }

  private common(upload: ReceivedUpload, uploadedBy?: string) {
    return {
      mime: upload.format.mime,
      size: upload.size,
      originalName: upload.originalName,
      uploadedBy: uploadedBy ?? null,
      error: null,
      width: null,
      height: null,
      thumbnails: null,
    };
  }
}

/** SQLite `SQLITE_CONSTRAINT_UNIQUE`, MySQL/MariaDB `ER_DUP_ENTRY`. */
function isUniqueViolation(err: unknown): boolean {
  const driverError = err instanceof QueryFailedError ? (err as QueryFailedError & { driverError?: { code?: string } }).driverError : undefined;
  return driverError?.code === 'ER_DUP_ENTRY' || driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
