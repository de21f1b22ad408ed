import fp from 'fastify-plugin';
import { API_PREFIX, type MediaRef } from '@pishop/shared';
import { resolveFfmpeg } from './ffmpeg';
import { MediaJobRunner } from './media-jobs';
import { MediaJobProcessor } from './media-processor';
import { MediaService } from './media.service';
import { mediaAdminRoutes } from './media.admin-routes';
import { mediaStaticRoutes } from './media.static';
import { LocalMediaStorage } from './storage';

declare module 'fastify' {
  interface FastifyInstance {
    /** Uploads, reads, recompress and `resolve(ids)` for other modules. */
    media: MediaService;
    /** `ids → {url, previewUrl, thumbnails, status}` (the resolver catalog/content read through lib/media-urls). */
    mediaUrls: (ids: number[]) => Promise<Record<number, MediaRef>>;
    /** The background runner of media jobs (`drain()` waits until all are finished). */
    mediaJobs: MediaJobRunner;
  }
}

export type { MediaService, UploadOptions } from './media.service';
export type { MediaJobRunner } from './media-jobs';
export type { MediaStorage } from './storage';

/**
 * Media: validated uploads, image re-encoding and thumbnails, video previews made by
 * FFmpeg in a background job runner (jobs in the database), files served at /media/.
 */
export default fp(
  async (app) => {
    const { config } = app;
    const storage = new LocalMediaStorage(config.mediaRoot);
    const ffmpeg = resolveFfmpeg(config.ffmpegCmd);
    const log = app.log.child({ module: 'media' });
    const runner = new MediaJobRunner({
      ds: app.db,
      log,
      concurrency: config.media.jobConcurrency,
      staleMs: config.media.jobStaleSeconds * 1000,
      handler: new MediaJobProcessor({
        ds: app.db,
        storage,
        ffmpeg,
        thumbnailWidths: config.media.thumbnailWidths,
        ffmpegTimeoutMs: config.media.ffmpegTimeoutSeconds * 1000,
      }),
    });
    const media = new MediaService(app.db, storage, runner, config.media);
    app.decorate('media', media);
    app.decorate('mediaUrls', (ids: number[]) => media.resolve(ids));
    app.decorate('mediaJobs', runner);

    await app.register(mediaStaticRoutes, { root: storage.root });
    await app.register(mediaAdminRoutes, { prefix: `${API_PREFIX}/admin` });

    app.addHook('onReady', async () => {
      if (runner.concurrency === 0) {
        log.info('media jobs: not run by this instance (MEDIA_JOB_CONCURRENCY=0)');
        return;
      }
      if (ffmpeg) log.info({ ffmpeg: ffmpeg.cmd, source: ffmpeg.source }, `media: video previews with FFmpeg from ${ffmpeg.source}`);
      else log.warn('media: no FFmpeg found (set FFMPEG_CMD or install ffmpeg); video uploads will fail');
      const swept = await storage.sweepTemp(24 * 3600 * 1000).catch(() => 0);
      if (swept) log.info({ swept }, 'media: removed old work files');
      await runner.start();
    });
    app.addHook('onClose', async () => {
      await runner.stop();
    });
  },
  { name: 'media', dependencies: ['config', 'db', 'auth'] },
);
