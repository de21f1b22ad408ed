import fsp from 'node:fs/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { supportsRowLocks } from '../../lib/row-locks';
import { PREVIEW, previewArgs, runFfmpeg, type FfmpegBinary } from './ffmpeg';
import { rethumbnail } from './image-pipeline';
import type { JobHandler, JobOutcome } from './media-jobs';
import { Media, type MediaJob } from './media.entity';
import { mediaStates } from './media.states';
import { keyFor, type MediaStorage } from './storage';

export interface ProcessorDeps {
  ds: DataSource;
  storage: MediaStorage;
  ffmpeg?: FfmpegBinary;
  thumbnailWidths: number[];
  ffmpegTimeoutMs: number;
}

/**
 * What each media job does. Outputs go to keys derived from the job's `outputBase`, so a
 * rerun of the same job overwrites instead of piling up files; the inputs (the original,
 * replaced files) are removed only after the database says the new file is the one in use.
 */
export class MediaJobProcessor implements JobHandler {
  constructor(private readonly deps: ProcessorDeps) {}

  async run(job: MediaJob, signal: AbortSignal): Promise<JobOutcome> {
    const media = await this.deps.ds.getRepository(Media).findOneBy({ id: job.mediaId });
    if (!media) throw new Error('the media item was deleted');
    return job.task === 'video_preview' ? this.videoPreview(job, signal) : this.imageThumbnails(job);
  }

  async onFailed(em: EntityManager, job: MediaJob, reason: string): Promise<void> {
    const media = await lockMedia(em, job.mediaId);
    if (!media || media.status !== 'processing') return;
    // A recompress that failed leaves the previous, still valid file in use.
    const usable = media.fileKey !== null;
    media.status = mediaStates.transition('processing', usable ? 'ready' : 'failed');
    media.error = (usable ? `Recompress failed: ${reason}` : reason).slice(0, 500);
    await em.save(media);
  }

  private async videoPreview(job: MediaJob, signal: AbortSignal): Promise<JobOutcome> {
    const { storage, ffmpeg } = this.deps;
    if (!ffmpeg) throw new Error('FFmpeg is not available: install ffmpeg or set FFMPEG_CMD');
    if (!(await storage.exists(job.inputKey))) throw new Error('the uploaded file is missing; upload it again');
    const outputKey = keyFor(job.outputBase, '_s.mp4');
    const input = await storage.localCopy(job.inputKey);
    const tmp = storage.tempPath('_s.mp4');
    try {
      await runFfmpeg(ffmpeg.cmd, previewArgs(input.path, tmp), { signal, timeoutMs: this.deps.ffmpegTimeoutMs });
      await storage.put(outputKey, tmp);
    } finally {
      await fsp.rm(tmp, { force: true });
      await input.release();
    }
    return this.outcome(job, (media) => {
      media.fileKey = outputKey;
      media.originalKey = null;
      media.width = PREVIEW.width;
      media.height = null;
    });
  }

  private async imageThumbnails(job: MediaJob): Promise<JobOutcome> {
    const { thumbnails, width, height } = await rethumbnail(this.deps.storage, job.inputKey, job.outputBase, this.deps.thumbnailWidths);
    return this.outcome(job, (m) => {
      m.thumbnails = thumbnails;
      m.width = width;
      m.height = height;
    });
  }

  /**
   * Applies `change` to the locked media row (processing → ready); afterwards removes every
   * file the row referenced before and no longer does (the original, old preview/thumbnails).
   */
  private outcome(job: MediaJob, change: (media: Media) => void): JobOutcome {
    let unused: string[] = [];
    return {
      apply: async (em) => {
        const media = await lockMedia(em, job.mediaId);
        if (!media) throw new Error('the media item was deleted');
        const before = referencedKeys(media);
        change(media);
        media.status = mediaStates.transition(media.status, 'ready');
        media.error = null;
        await em.save(media);
        const after = new Set(referencedKeys(media));
        unused = [...before, job.inputKey].filter((k) => !after.has(k));
      },
      afterCommit: async () => {
        await Promise.all([...new Set(unused)].map((k) => this.deps.storage.delete(k)));
      },
    };
  }
}

function referencedKeys(media: Media): string[] {
  return [media.fileKey, media.originalKey, ...(media.thumbnails ?? []).map((t) => t.key)].filter((k): k is string => !!k);
}

async function lockMedia(em: EntityManager, id: number): Promise<Media | null> {
  return em.getRepository(Media).findOne({
    where: { id },
    ...(supportsRowLocks(em) && { lock: { mode: 'pessimistic_write' as const } }),
  });
}
