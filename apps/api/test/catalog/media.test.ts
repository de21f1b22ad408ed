import { buildTestApp, type TestApp } from '../support/app';
import { pngOf, tempDir, upload } from '../media/helpers';
import { callers, type Callers } from './helpers';

describe('catalog and content: media URLs from the media module', () => {
  let t: TestApp;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp({ MEDIA_ROOT: tempDir() });
    who = await callers(t);
  });
  afterAll(async () => {
    await t.app.mediaJobs?.drain?.();
    await t.close();
  });

  it('shows an uploaded image on the service and project it is attached to', async () => {
    const uploaded = await upload(t, { filename: 'cover.png', contentType: 'image/png', data: await pngOf(64, 48) }, who.admin);
    expect(uploaded.statusCode).toBe(201);
    const media = uploaded.json();

    const service = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/services', headers: who.admin,
      payload: { title: 'With a picture', priceEurCents: 100, imageMediaId: media.id },
    });
    expect(service.json()).toMatchObject({ imageMediaId: media.id, imageUrl: media.url, previewUrl: null });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/services/with-a-picture' })).json();
    expect(pub.imageUrl).toBe(media.url);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/services' })).json().items[0].imageUrl).toBe(media.url);

    const project = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/projects', headers: who.admin, payload: { title: 'Pictured', imageMediaId: media.id },
    });
    expect(project.json().imageUrl).toBe(media.url);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/home' })).json().latestProjects[0].imageUrl).toBe(media.url);
  });
});
