import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import type { MediaObject } from '@pishop/shared';
import { buildApp } from '../../src/app';
import { API_DIR, type AppConfig } from '../../src/config';
import { Media, MediaJob } from '../../src/modules/media/media.entity';
import { buildTestApp, type TestApp } from '../support/app';
import { ffprobe, fileOfUrl, gatedFfmpeg, makeClip, tempDir, upload, waitUntil } from './helpers';

/**
 * Jobs live in the database: a job left `running` by a process that died is taken over by
 * the next runner; a shutdown kills FFmpeg and gives the job back.
 */
describe('media jobs survive restarts', () => {
  let t: TestApp;
  let root: string;
  let work: string;
  let clip: Buffer;
  const others: FastifyInstance[] = [];

  beforeAll(async () => {
    root = tempDir();
    work = tempDir('pishop-media-fx-');
    clip = fs.readFileSync(makeClip(work));
    // This instance takes uploads but runs no jobs; other instances below run them.
    t = await buildTestApp({ MEDIA_ROOT: root, MEDIA_JOB_CONCURRENCY: '0' });
  });
  afterAll(async () => {
    for (const app of others) await app.close().catch(() => undefined);
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Another API instance on the same database and media root (a restarted process). */
  async function anotherInstance(media: Partial<AppConfig['media']> = {}, ffmpegCmd?: string): Promise<FastifyInstance> {
    const config: AppConfig = { ...t.config, ffmpegCmd, media: { ...t.config.media, jobConcurrency: 1, ...media } };
    const app = await buildApp(config, { dataSource: t.ds, closeDataSource: false, logger: false, serveSpas: false });
    others.push(app);
    await app.ready();
    return app;
  }

  async function uploadVideo(): Promise<MediaObject> {
    const res = await upload(t, { filename: 'clip.mp4', data: clip });
    expect(res.json().status).toBe('processing');
    return res.json();
  }

  async function expectFinished(app: FastifyInstance, uploaded: MediaObject) {
    const media = await app.media.get(uploaded.id);
    expect(media.status).toBe('ready');
    const probe = ffprobe(fileOfUrl(root, media.url));
    expect(probe.streams.map((s) => [s.codec_type, s.width])).toEqual([['video', 240]]);
    expect(Number(probe.format.duration)).toBeCloseTo(3, 1);
    expect(fs.existsSync(fileOfUrl(root, uploaded.url))).toBe(false);
  }

  it('a job whose process was killed mid-run finishes after a restart', async () => {
    const uploaded = await uploadVideo();
    const gate = gatedFfmpeg(tempDir('pishop-media-gate-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/media-worker.ts')], {
      cwd: API_DIR,
      detached: true, // its own process group: the kill takes FFmpeg down with it, like a container kill
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        MEDIA_WORKER_DATABASE: JSON.stringify(t.config.database),
        MEDIA_ROOT: root,
        FFMPEG_CMD: gate.cmd,
        MEDIA_JOB_CONCURRENCY: '1',
      },
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await waitUntil(() => gate.starts() === 1, 'the other process to start FFmpeg', 90_000);
    const claimed = await t.ds.getRepository(MediaJob).findOneByOrFail({ mediaId: uploaded.id });
    expect(claimed).toMatchObject({ status: 'running', attempts: 1 });
    expect(claimed.claimedBy).toContain(`:${child.pid}:`);

    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    expect((await t.app.media.get(uploaded.id)).status).toBe('processing');

    const restarted = await anotherInstance();
    await restarted.mediaJobs.drain();
    await expectFinished(restarted, uploaded);
    const job = await t.ds.getRepository(MediaJob).findOneByOrFail({ mediaId: uploaded.id });
    expect(job).toMatchObject({ status: 'done', attempts: 2, claimedBy: restarted.mediaJobs.claimId });
    await restarted.close();
  }, 150_000); // spawns a tsx process: slow on a busy machine

  it('a job held by a silent runner on another host is taken over once its heartbeat is stale', async () => {
    const uploaded = await uploadVideo();
    const jobs = t.ds.getRepository(MediaJob);
    const job = await jobs.findOneByOrFail({ mediaId: uploaded.id });
    await jobs.update(job.id, { status: 'running', claimedBy: 'another-host:4242:0123456789ab', heartbeatAt: new Date(), attempts: 1 });

    const app = await anotherInstance({ jobStaleSeconds: 60 });
    // A fresh heartbeat: that runner is alive, its job is left alone.
    expect(await app.mediaJobs.recover()).toBe(0);
    expect((await jobs.findOneByOrFail({ id: job.id })).status).toBe('running');

    await jobs.update(job.id, { heartbeatAt: new Date(Date.now() - 5 * 60_000) });
    await app.mediaJobs.drain();
    await expectFinished(app, uploaded);
    expect(await jobs.findOneByOrFail({ id: job.id })).toMatchObject({ status: 'done', attempts: 2 });
    await app.close();
  });

  it('a job whose runner keeps dying fails after 3 attempts, with the reason', async () => {
    const uploaded = await uploadVideo();
    const jobs = t.ds.getRepository(MediaJob);
    const job = await jobs.findOneByOrFail({ mediaId: uploaded.id });
    await jobs.update(job.id, { status: 'running', claimedBy: 'another-host:4242:0123456789ab', heartbeatAt: new Date(0), attempts: 3 });
    const app = await anotherInstance();
    await app.mediaJobs.drain();
    const media = await app.media.get(uploaded.id);
    expect(media).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped 3 times while processing/) });
    expect(await jobs.findOneByOrFail({ id: job.id })).toMatchObject({ status: 'failed', activeMediaId: null });
    // The original is kept: an admin can recompress it.
    expect(fs.existsSync(fileOfUrl(root, media.url))).toBe(true);
    expect((await app.media.recompress([uploaded.id]))[0].status).toBe('processing');
    await app.mediaJobs.drain();
    await expectFinished(app, uploaded);
    await app.close();
  });

  it('a shutdown kills FFmpeg and gives the job back; the next start finishes it', async () => {
    const uploaded = await uploadVideo();
    const gate = gatedFfmpeg(tempDir('pishop-media-gate-'));
    const first = await anotherInstance({}, gate.cmd);
    await waitUntil(() => gate.starts() === 1, 'FFmpeg to start');
    const jobs = t.ds.getRepository(MediaJob);
    expect((await jobs.findOneByOrFail({ mediaId: uploaded.id })).status).toBe('running');

    await first.close();
    const released = await jobs.findOneByOrFail({ mediaId: uploaded.id });
    expect(released).toMatchObject({ status: 'queued', claimedBy: null, attempts: 0 });
    expect(await t.ds.getRepository(Media).countBy({ id: uploaded.id, status: 'processing' })).toBe(1);

    const second = await anotherInstance();
    await second.mediaJobs.drain();
    await expectFinished(second, uploaded);
    await second.close();
  });
});
