import { buildTestApp, type TestApp } from '../support/app';
import { runSeeders } from '../../src/db/seed';
import { seedDemoMedia } from '../../src/db/demo-media';
import { DEMO_SERVICES } from '../../src/modules/catalog/catalog.seed';
import { DEMO_POSTS, DEMO_PROJECTS } from '../../src/modules/content/content.seed';
import { Media } from '../../src/modules/media/media.entity';
import { tempDir } from './helpers';

describe('demo media (pictures and preview clips made at seed time with sharp and FFmpeg)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ MEDIA_ROOT: tempDir(), MEDIA_FFMPEG_TIMEOUT_SECONDS: '300' });
    await runSeeders(t.ds, t.config);
    await seedDemoMedia(t.ds, t.app.media, t.config);
    await t.app.mediaJobs.drain(300_000);
  }, 600_000);
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('gives every demo service a picture and a short video preview, served from /media/', async () => {
    const services = (await get('/api/v1/services?pageSize=100')).json().items as { slug: string; imageUrl: string | null; previewUrl: string | null }[];
    expect(services).toHaveLength(DEMO_SERVICES.length);
    for (const s of services) {
      expect(s.imageUrl).toMatch(/^\/media\/.+\.jpg$/);
      expect(s.previewUrl).toMatch(/^\/media\/.+_s\.mp4$/);
      const image = await get(s.imageUrl!);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toContain('image/jpeg');
      const clip = await get(s.previewUrl!);
      expect(clip.statusCode).toBe(200);
      expect(clip.headers['content-type']).toContain('video/mp4');
    }
    // The picture is the link preview too.
    const detail = (await get(`/api/v1/services/${services[0].slug}`)).json();
    expect(detail.imageUrl).toBe(services[0].imageUrl);
  });

  it('gives projects a picture and a preview, posts a picture, with WebP thumbnails', async () => {
    const projects = (await get('/api/v1/projects?pageSize=100')).json().items as { imageUrl: string | null; previewUrl: string | null }[];
    expect(projects).toHaveLength(DEMO_PROJECTS.length);
    for (const p of projects) {
      expect(p.imageUrl).toMatch(/\.jpg$/);
      expect(p.previewUrl).toMatch(/_s\.mp4$/);
    }
    const posts = (await get('/api/v1/posts?pageSize=100')).json().items as { imageUrl: string | null }[];
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.length).toBeLessThanOrEqual(DEMO_POSTS.length);
    for (const p of posts) expect(p.imageUrl).toMatch(/\.jpg$/);
    const images = await t.ds.getRepository(Media).findBy({ kind: 'image' });
    expect(images.length).toBeGreaterThanOrEqual(DEMO_SERVICES.length + DEMO_PROJECTS.length);
    for (const m of images) {
      expect(m.status).toBe('ready');
      expect(m.thumbnails?.length).toBeGreaterThan(0);
      for (const th of m.thumbnails ?? []) expect(th.key).toMatch(/\.webp$/);
    }
    const videos = await t.ds.getRepository(Media).findBy({ kind: 'video' });
    expect(videos.map((v) => v.status)).toEqual(videos.map(() => 'ready'));
  });

  it('changes nothing when run again', async () => {
    const before = await t.ds.getRepository(Media).count();
    await seedDemoMedia(t.ds, t.app.media, t.config);
    expect(await t.ds.getRepository(Media).count()).toBe(before);
  });
});
