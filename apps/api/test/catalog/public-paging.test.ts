import { MAX_PAGE_SIZE } from '@pishop/shared';
import { buildTestApp, type TestApp } from '../support/app';
import { insertServices } from './helpers';

describe('catalog: public paging', () => {
  let t: TestApp;
  const TOTAL = 123;
  beforeAll(async () => {
    t = await buildTestApp();
    await insertServices(t.ds, TOTAL);
    await insertServices(t.ds, 4, 'hidden', { active: false });
  });
  afterAll(() => t.close());

  const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/services?${query}` }).then((r) => {
    expect(r.statusCode).toBe(200);
    return r.json();
  });

  it('caps the page size at 100 and reports the size used and the real total', async () => {
    const body = await list('pageSize=500');
    expect(body.pageSize).toBe(MAX_PAGE_SIZE);
    expect(body.items).toHaveLength(MAX_PAGE_SIZE);
    expect(body.total).toBe(TOTAL);
  });

  it('walks the pages without gaps or repeats', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const body = await list(`page=${page}&pageSize=50`);
      expect(body).toMatchObject({ page, pageSize: 50, total: TOTAL });
      seen.push(...body.items.map((s: { id: number }) => s.id));
    }
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    const last = await list('page=3&pageSize=50');
    expect(last.items).toHaveLength(TOTAL - 100);
  });

  it('answers an empty page past the end, with the total', async () => {
    expect(await list('page=99&pageSize=10')).toEqual({ items: [], total: TOTAL, page: 99, pageSize: 10 });
  });

  it('defaults to 20 per page', async () => {
    const body = await list('');
    expect(body.pageSize).toBe(20);
    expect(body.items).toHaveLength(20);
  });
});
