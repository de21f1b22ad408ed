import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaObject } from '@pishop/shared';
import { Media, MediaJob } from '../../src/modules/media/media.entity';
import { buildTestApp, type TestApp } from '../support/app';
import { fileOfUrl, filesUnder, headersOf, jpegWithExif, makeClip, pngOf, tempDir, upload } from './helpers';

describe('media uploads (images, refusals)', () => {
  let t: TestApp;
  let root: string;
  let fixtures: string;

  beforeAll(async () => {
    root = tempDir();
    fixtures = tempDir('pishop-media-fx-');
    t = await buildTestApp({ MEDIA_ROOT: root, MEDIA_MAX_IMAGE_MB: '0.5', MEDIA_MAX_VIDEO_MB: '1' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(fixtures, { recursive: true, force: true });
  });

  async function expectNothingStored() {
    expect(await t.ds.getRepository(Media).count()).toBe(0);
    expect(await t.ds.getRepository(MediaJob).count()).toBe(0);
    expect(filesUnder(root)).toEqual([]);
  }

  describe('refusals: a clear 4xx and nothing stored', () => {
    afterEach(expectNothingStored);

    it('refuses a PNG renamed .mp4 (415)', async () => {
      const res = await upload(t, { filename: 'clip.mp4', contentType: 'video/mp4', data: await pngOf(50, 40) });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('MEDIA_UNSUPPORTED_TYPE');
      expect(res.json().error.message).toMatch(/content is PNG but its name ends in \.mp4/);
    });

    it('refuses an executable renamed .jpg (415)', async () => {
      const res = await upload(t, { filename: 'photo.jpg', contentType: 'image/jpeg', data: fs.readFileSync(process.execPath).subarray(0, 200_000) });
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'MEDIA_UNSUPPORTED_TYPE', message: expect.stringMatching(/\.elf are not accepted/) });
    });

    it('refuses a shell script renamed .png (415: unrecognised bytes)', async () => {
      const res = await upload(t, { filename: 'x.png', contentType: 'image/png', data: '#!/bin/sh\nrm -rf /\n' });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toMatch(/Unrecognised file type/);
    });

    it('refuses an empty file (400)', async () => {
      const res = await upload(t, { filename: 'empty.jpg', contentType: 'image/jpeg', data: Buffer.alloc(0) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'MEDIA_EMPTY', message: 'The file is empty' });
    });

    it('refuses an image over the image limit (413) and says the limit', async () => {
      const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .png({ compressionLevel: 0 })
        .toBuffer();
      expect(big.length).toBeGreaterThan(0.5 * 1024 * 1024);
      const res = await upload(t, { filename: 'big.png', data: big });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'MEDIA_TOO_LARGE', message: 'The image is too large: at most 0.5 MB' });
    });

    it('refuses a video over the video limit (413)', async () => {
      const clip = fs.readFileSync(makeClip(fixtures));
      const oversized = Buffer.concat([clip, Buffer.alloc(1024 * 1024)]);
      const res = await upload(t, { filename: 'long.mp4', data: oversized });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toBe('The video is too large: at most 1 MB');
    });

    it.each([['../../etc/passwd'], ['..\\..\\windows\\win.ini'], ['a/b.png'], ['bad\u0001name.png']])(
      'refuses the name %j (400) whatever the content',
      async (filename) => {
        const res = await upload(t, { filename, data: await pngOf(20, 20) });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('MEDIA_BAD_FILENAME');
      },
    );

    it('refuses the text of /etc/passwd under its own name', async () => {
      const res = await upload(t, { filename: 'passwd', data: 'root:x:0:0:root:/root:/bin/bash\n' });
      expect(res.statusCode).toBe(415);
    });

    it('refuses a GIF (only JPEG, PNG, WebP images)', async () => {
      const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).gif().toBuffer();
      const res = await upload(t, { filename: 'a.gif', data: gif });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toMatch(/\.gif are not accepted; upload JPEG, PNG or WebP images and MP4, WebM or MOV videos/);
    });

    it('refuses a damaged image whose header looks right (422)', async () => {
      const png = await pngOf(300, 300);
      const damaged = Buffer.concat([png.subarray(0, 64), Buffer.alloc(5000, 7)]);
      const res = await upload(t, { filename: 'broken.png', data: damaged });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('MEDIA_UNREADABLE');
    });

    it('refuses two files in one upload (413)', async () => {
      const png = await pngOf(20, 20);
      const res = await upload(t, [
        { name: 'file', filename: 'a.png', data: png },
        { name: 'file', filename: 'b.png', data: png },
      ]);
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toBe('Send one file per upload');
    });

    it('refuses a file in another field, and a form without a file (400)', async () => {
      const png = await pngOf(20, 20);
      const other = await upload(t, [{ name: 'image', filename: 'a.png', data: png }]);
      expect(other.statusCode).toBe(400);
      expect(other.json().error).toMatchObject({ code: 'MEDIA_FILE_MISSING', message: expect.stringMatching(/field named "file"/) });
      const none = await upload(t, [{ name: 'title', data: 'hello' }]);
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('MEDIA_FILE_MISSING');
    });

    it('refuses a JSON body (400) and an unknown content type (415)', async () => {
      const admin = await headersOf(t);
      const json = await t.app.inject({ method: 'POST', url: '/api/v1/admin/uploads', headers: admin, payload: { file: 'x' } });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.code).toBe('MEDIA_FILE_MISSING');
      const raw = await t.app.inject({
        method: 'POST', url: '/api/v1/admin/uploads', payload: await pngOf(10, 10),
        headers: { ...admin, 'content-type': 'image/png' },
      });
      expect(raw.statusCode).toBe(415);
    });

    it('refuses customers (403) and anonymous callers (401)', async () => {
      const png = await pngOf(20, 20);
      const customer = await upload(t, { filename: 'a.png', data: png }, await headersOf(t, 'customer'));
      expect(customer.statusCode).toBe(403);
      const anonymous = await upload(t, { filename: 'a.png', data: png }, {});
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('images', () => {
    let created: MediaObject;

    beforeAll(async () => {
      const res = await upload(t, { filename: 'Holiday photo.JPG', contentType: 'application/octet-stream', data: await jpegWithExif(1600, 900) });
      expect(res.statusCode).toBe(201);
      created = res.json();
    });

    it('answers ready at once with the image and WebP thumbnails at 320, 640 and 1280 px', async () => {
      expect(created).toMatchObject({
        kind: 'image', status: 'ready', mime: 'image/jpeg', width: 1600, height: 900, originalName: 'Holiday photo.JPG',
      });
      expect(created.thumbnails!.map((th) => [th.width, th.height])).toEqual([[320, 180], [640, 360], [1280, 720]]);
      expect(created.previewUrl).toBe(created.thumbnails![0].url);
      for (const th of created.thumbnails!) {
        const meta = await sharp(fileOfUrl(root, th.url)).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['webp', th.width, th.height]);
      }
    });

    it('re-encodes the image without its EXIF metadata, under a random name', async () => {
      expect(created.url).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
      const stored = fs.readFileSync(fileOfUrl(root, created.url));
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(stored.includes('secret-owner')).toBe(false);
      expect(stored.includes('SpyCam')).toBe(false);
      expect(filesUnder(root).some((f) => f.includes('Holiday'))).toBe(false);
    });

    it('never makes thumbnails wider than the image', async () => {
      const res = await upload(t, { filename: 'small.png', data: await pngOf(500, 250) });
      expect(res.statusCode).toBe(201);
      expect(res.json().thumbnails.map((th: { width: number }) => th.width)).toEqual([320, 500]);
    });

    it('takes a PNG under a neutral name (the bytes decide) and stores it as .png', async () => {
      const res = await upload(t, { filename: 'upload.bin', contentType: 'video/mp4', data: await pngOf(40, 30) });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'image', mime: 'image/png' });
      expect(res.json().url).toMatch(/\.png$/);
    });

    it('serves the files at /media/ with year-long immutable caching', async () => {
      const res = await t.app.inject({ method: 'GET', url: created.thumbnails![0].url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('serves nothing but media files under /media/', async () => {
      fs.writeFileSync(path.join(root, '.tmp', 'leftover.upload'), 'work file');
      for (const url of ['/media/.tmp/leftover.upload', '/media/../package.json', '/media/%2e%2e/%2e%2e/etc/passwd', '/media/zz/nothing.jpg']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect([403, 404]).toContain(res.statusCode);
      }
      fs.rmSync(path.join(root, '.tmp', 'leftover.upload'));
    });

    it('reads one item, and lists them in the simple-rest protocol', async () => {
      const headers = await headersOf(t);
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/admin/media/${created.id}`, headers });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(created);

      const list = await t.app.inject({ method: 'GET', url: `/api/v1/admin/media?sort=["id","ASC"]&range=[0,0]&filter={"kind":"image"}`, headers });
      expect(list.statusCode).toBe(200);
      expect(list.headers['content-range']).toBe('media 0-0/3');
      expect(list.json()).toEqual([created]);

      const missing = await t.app.inject({ method: 'GET', url: '/api/v1/admin/media/99999', headers });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('MEDIA_NOT_FOUND');
      const customer = await t.app.inject({ method: 'GET', url: '/api/v1/admin/media', headers: await headersOf(t, 'customer') });
      expect(customer.statusCode).toBe(403);
    });

    it('is documented in OpenAPI (multipart form with a binary `file`)', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const op = doc.paths['/api/v1/admin/uploads'].post;
      expect(op.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(Object.keys(op.responses)).toContain('201');
      expect(doc.paths['/api/v1/admin/media/recompress'].post).toBeDefined();
      expect(doc.paths['/api/v1/admin/media/{id}/recompress'].post).toBeDefined();
    });

    it('resolves ids for other modules (app.media.resolve / app.mediaUrls)', async () => {
      const refs = await t.app.media.resolve([created.id, 424242]);
      expect(Object.keys(refs)).toEqual([String(created.id)]);
      expect(refs[created.id]).toEqual({
        id: created.id, kind: 'image', status: 'ready', url: created.url, previewUrl: created.previewUrl, thumbnails: created.thumbnails,
      });
      expect(await t.app.mediaUrls([created.id])).toEqual(refs);
    });
  });
});
