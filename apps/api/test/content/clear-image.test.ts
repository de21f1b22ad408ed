import { buildTestApp, type TestApp } from '../support/app';
import { contentSeeder } from '../../src/modules/content/content.seed';
import { Post } from '../../src/modules/content/content.entity';
import { callers, raQuery, snapshot, type Callers } from '../catalog/helpers';

const ADMIN = '/api/v1/admin';

describe('posts: bulk "clear image"', () => {
  let t: TestApp;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp();
    await contentSeeder.run(t.ds, t.config);
    who = await callers(t);
  });
  afterAll(() => t.close());

  const posts = async () =>
    (await t.app.inject({ method: 'GET', url: `${ADMIN}/posts?${raQuery({ sort: ['id', 'ASC'] })}`, headers: who.admin })).json() as {
      id: number;
      imageMediaId: number | null;
    }[];

  it('removes the image of the listed posts only', async () => {
    const [a, b, c] = await posts();
    // Stored references set underneath (the API checks media ids on write; this app has no uploads).
    for (const p of [a, b, c]) await t.ds.getRepository(Post).update(p.id, { imageMediaId: 40 + p.id });
    const res = await t.app.inject({ method: 'POST', url: `${ADMIN}/posts/bulk`, headers: who.admin, payload: { ids: [a.id, b.id], action: 'clear-image' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().ids).toEqual([a.id, b.id]);
    const after = await posts();
    expect(after.find((p) => p.id === a.id)!.imageMediaId).toBeNull();
    expect(after.find((p) => p.id === b.id)!.imageMediaId).toBeNull();
    expect(after.find((p) => p.id === c.id)!.imageMediaId).toBe(40 + c.id);
  });

  it.each([
    [{ ids: [1, 99999], action: 'clear-image' }, 404],
    [{ ids: [1], action: 'delete-everything' }, 400],
    [{ ids: [], action: 'clear-image' }, 400],
  ])('refuses %j with %i and changes nothing', async (payload, status) => {
    const before = await snapshot(t.ds);
    const res = await t.app.inject({ method: 'POST', url: `${ADMIN}/posts/bulk`, headers: who.admin, payload });
    expect(res.statusCode).toBe(status);
    expect(await snapshot(t.ds)).toEqual(before);
  });

  it('is for admins only', async () => {
    const res = await t.app.inject({ method: 'POST', url: `${ADMIN}/posts/bulk`, headers: who.customer, payload: { ids: [1], action: 'clear-image' } });
    expect(res.statusCode).toBe(403);
  });
});
