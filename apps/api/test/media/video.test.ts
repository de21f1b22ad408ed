import fs from 'node:fs';
import type { MediaObject } from '@pishop/shared';
import { Media, MediaJob } from '../../src/modules/media/media.entity';
import { buildTestApp, type TestApp } from '../support/app';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ffmpegPath, ffprobe, fileOfUrl, filesUnder, gatedFfmpeg, headersOf, makeClip, pngOf, tempDir, upload, waitUntil } from './helpers';

/** A 4 s VP8/Vorbis WebM (quick to encode). */
function makeWebm(dir: string): Buffer {
  const out = path.join(dir, 'src.webm');
  execFileSync(ffmpegPath(), [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=duration=4:size=320x180:rate=25', '-f', 'lavfi', '-i', 'sine=duration=4',
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-c:a', 'libvorbis', '-shortest', out,
  ]);
  return fs.readFileSync(out);
}

const fps = (rate: string) => {
  const [n, d] = rate.split('/').map(Number);
  return n / d;
};

/** The preview of the issue: 240 px wide, about 3 s, 12 fps, H.264, no audio stream. */
function expectPreview(file: string) {
  const probe = ffprobe(file);
  expect(probe.streams.map((s) => s.codec_type)).toEqual(['video']);
  const [video] = probe.streams;
  expect(video).toMatchObject({ codec_name: 'h264', width: 240, height: 136, pix_fmt: 'yuv420p' });
  expect(fps(video.r_frame_rate!)).toBe(12);
  expect(Number(probe.format.duration)).toBeCloseTo(3, 1);
}

describe('video uploads: previews made by FFmpeg in the background', () => {
  let t: TestApp;
  let root: string;
  let work: string;
  let clip: Buffer;
  let mov: Buffer;
  let gate: ReturnType<typeof gatedFfmpeg>;

  beforeAll(async () => {
    root = tempDir();
    work = tempDir('pishop-media-fx-');
    clip = fs.readFileSync(makeClip(work));
    mov = fs.readFileSync(makeClip(work, 'src.mov'));
    gate = gatedFfmpeg(work);
    t = await buildTestApp({ MEDIA_ROOT: root, FFMPEG_CMD: gate.cmd, MEDIA_JOB_CONCURRENCY: '1' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  const get = async (id: number): Promise<MediaObject> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/admin/media/${id}`, headers: await headersOf(t) })).json();

  let first: MediaObject;

  it('answers `processing` while FFmpeg has not finished, then the job makes the preview', async () => {
    const res = await upload(t, { filename: 'clip.mp4', contentType: 'video/mp4', data: clip });
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first).toMatchObject({ kind: 'video', status: 'processing', mime: 'video/mp4', size: clip.length, originalName: 'clip.mp4' });
    expect(first.url).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.mp4$/);
    expect(first.previewUrl).toBeUndefined();

    // FFmpeg has started and is held at the gate: the request had answered before.
    await waitUntil(() => gate.starts() === 1, 'FFmpeg to start');
    expect((await get(first.id)).status).toBe('processing');
    // A second upload waits: at most MEDIA_JOB_CONCURRENCY (1) FFmpeg at once.
    const second = (await upload(t, { filename: 'Clip 2.MOV', data: mov })).json();
    expect(second.status).toBe('processing');
    const jobs = t.ds.getRepository(MediaJob);
    expect(await jobs.countBy({ status: 'running' })).toBe(1);
    expect(await jobs.countBy({ status: 'queued' })).toBe(1);

    gate.open();
    await t.app.mediaJobs.drain();
    expect(gate.starts()).toBe(2);
  });

  it('the preview is 240 px wide, about 3 s, 12 fps, without audio; the original is gone', async () => {
    const ready = await get(first.id);
    expect(ready).toMatchObject({ status: 'ready', width: 240 });
    expect(ready.error).toBeUndefined();
    expect(ready.previewUrl).toBe(ready.url);
    // `<base>_s.mp4` beside the original `<base>.mp4`.
    expect(ready.url).toBe(first.url.replace(/\.mp4$/, '_s.mp4'));
    expectPreview(fileOfUrl(root, ready.previewUrl!));
    expect(fs.existsSync(fileOfUrl(root, first.url))).toBe(false);

    const served = await t.app.inject({ method: 'GET', url: ready.url, headers: { range: 'bytes=0-99' } });
    expect(served.statusCode).toBe(206);
    expect(served.headers['content-type']).toBe('video/mp4');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gone = await t.app.inject({ method: 'GET', url: first.url });
    expect(gone.statusCode).toBe(404);
  });

  it('a MOV upload (stored as .mov) gets its preview the same way', async () => {
    const movs = await t.ds.getRepository(Media).findBy({ originalName: 'Clip 2.MOV' });
    expect(movs).toHaveLength(1);
    const item = await get(movs[0].id);
    expect(item).toMatchObject({ status: 'ready', mime: 'video/quicktime' });
    expectPreview(fileOfUrl(root, item.url));
    expect(filesUnder(root).filter((f) => !f.endsWith('_s.mp4'))).toEqual([]);
  });

  it('an MP4 named .mov is taken (same container family) and a WebM too', async () => {
    const named = (await upload(t, { filename: 'phone.mov', data: clip })).json();
    expect(named).toMatchObject({ status: 'processing', mime: 'video/mp4' });
    expect(named.url).toMatch(/\.mp4$/);
    const webm = (await upload(t, { filename: 'screen.webm', data: makeWebm(work) })).json();
    expect(webm).toMatchObject({ status: 'processing', mime: 'video/webm' });
    expect(webm.url).toMatch(/\.webm$/);
    await t.app.mediaJobs.drain();
    for (const id of [named.id, webm.id]) {
      const item = await get(id);
      expect(item.status).toBe('ready');
      expectPreview(fileOfUrl(root, item.url));
    }
  });

  it('recompress: queues the item again, is harmless to repeat, and leaves one valid preview', async () => {
    const headers = await headersOf(t);
    const before = await get(first.id);
    // The runner is paused on nothing: hold FFmpeg again so both calls see the open job.
    fs.rmSync(`${work}/go`);
    const once = await t.app.inject({ method: 'POST', url: `/api/v1/admin/media/${first.id}/recompress`, headers });
    expect(once.statusCode).toBe(202);
    expect(once.json()).toMatchObject({ id: first.id, status: 'processing', url: before.url });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/media/${first.id}/recompress`, headers });
    expect(again.statusCode).toBe(202);
    expect(await t.ds.getRepository(MediaJob).countBy({ mediaId: first.id })).toBe(2); // the upload's job + one
    gate.open();
    await t.app.mediaJobs.drain();

    const after = await get(first.id);
    expect(after.status).toBe('ready');
    expect(after.url).not.toBe(before.url);
    expect(after.url).toMatch(/_s\.mp4$/);
    expectPreview(fileOfUrl(root, after.url));
    expect(fs.existsSync(fileOfUrl(root, before.url))).toBe(false);
  });

  it('bulk recompress takes several ids; an unknown id refuses the call and queues nothing', async () => {
    const headers = await headersOf(t);
    const ids = (await t.ds.getRepository(Media).find()).map((m) => m.id);
    const jobs = t.ds.getRepository(MediaJob);
    const jobsBefore = await jobs.count();
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/admin/media/recompress', headers, payload: { ids: [...ids, 9999] } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'MEDIA_NOT_FOUND', details: { ids: [9999] } });
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/admin/media/recompress', headers, payload: { ids: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.ids).toBeDefined();
    expect(await jobs.count()).toBe(jobsBefore);

    const customer = await t.app.inject({ method: 'POST', url: '/api/v1/admin/media/recompress', headers: await headersOf(t, 'customer'), payload: { ids } });
    expect(customer.statusCode).toBe(403);
    const one = await t.app.inject({ method: 'POST', url: `/api/v1/admin/media/${ids[0]}/recompress`, headers: await headersOf(t, 'customer') });
    expect(one.statusCode).toBe(403);
    expect(await jobs.count()).toBe(jobsBefore);

    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/media/recompress', headers, payload: { ids } });
    expect(res.statusCode).toBe(202);
    expect(res.json().items.map((m: MediaObject) => [m.id, m.status])).toEqual(ids.map((id) => [id, 'processing']));
    await t.app.mediaJobs.drain();
    for (const id of ids) {
      const m = await get(id);
      expect(m.status).toBe('ready');
      expectPreview(fileOfUrl(root, m.url));
    }
    // One preview per video, nothing else left behind.
    expect(filesUnder(root)).toHaveLength(ids.length);
  });

  it('image recompress regenerates the thumbnails and keeps the image', async () => {
    const headers = await headersOf(t);
    const image = (await upload(t, { filename: 'p.png', data: await pngOf(700, 350) })).json() as MediaObject;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/media/${image.id}/recompress`, headers });
    expect(res.statusCode).toBe(202);
    await t.app.mediaJobs.drain();
    const after = await get(image.id);
    expect(after).toMatchObject({ status: 'ready', url: image.url, width: 700, height: 350 });
    expect(after.thumbnails!.map((th) => th.width)).toEqual([320, 640, 700]);
    for (const th of image.thumbnails!) expect(fs.existsSync(fileOfUrl(root, th.url))).toBe(false);
    for (const th of after.thumbnails!) expect(fs.existsSync(fileOfUrl(root, th.url))).toBe(true);
  });

  it('a recompress that fails keeps the item `ready` with the reason in `error`', async () => {
    const image = (await upload(t, { filename: 'q.png', data: await pngOf(400, 200) })).json() as MediaObject;
    fs.rmSync(fileOfUrl(root, image.url));
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/media/${image.id}/recompress`, headers: await headersOf(t) });
    expect(res.json().status).toBe('processing');
    await t.app.mediaJobs.drain();
    const after = await get(image.id);
    expect(after).toMatchObject({ status: 'ready', thumbnails: image.thumbnails, error: expect.stringMatching(/^Recompress failed: /) });
  });

  it('a video FFmpeg cannot read ends `failed` with the reason; the original is kept for a retry', async () => {
    const damaged = Buffer.concat([clip.subarray(0, 64), Buffer.alloc(4096, 1)]);
    const res = await upload(t, { filename: 'broken.mp4', data: damaged });
    expect(res.statusCode).toBe(201);
    await t.app.mediaJobs.drain();
    const failed = await get(res.json().id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^FFmpeg failed: /);
    expect(fs.existsSync(fileOfUrl(root, failed.url))).toBe(true);
    const job = await t.ds.getRepository(MediaJob).findOneByOrFail({ mediaId: failed.id });
    expect(job).toMatchObject({ status: 'failed', activeMediaId: null, error: failed.error });
  });
});
