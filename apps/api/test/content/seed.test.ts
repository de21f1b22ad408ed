import { buildTestApp, type TestApp } from '../support/app';
import { runSeeders } from '../../src/db/seed';
import { DEMO_SERVICES } from '../../src/modules/catalog/catalog.seed';
import { DEMO_PAGES, DEMO_POSTS, DEMO_PROJECTS } from '../../src/modules/content/content.seed';
import { Service } from '../../src/modules/catalog/catalog.entity';
import { SitePage } from '../../src/modules/content/content.entity';
import { snapshot } from '../catalog/helpers';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('loads a believable catalog and content into an empty database', async () => {
    await runSeeders(t.ds, t.config);
    const rows = await snapshot(t.ds);
    expect(rows.services).toHaveLength(DEMO_SERVICES.length);
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(5);
    for (const s of DEMO_SERVICES) {
      expect(s.features.length).toBeGreaterThanOrEqual(3);
      expect(s.faqs.length).toBeGreaterThanOrEqual(2);
    }
    expect(rows.service_features).toHaveLength(DEMO_SERVICES.reduce((n, s) => n + s.features.length, 0));
    expect(rows.service_faqs).toHaveLength(DEMO_SERVICES.reduce((n, s) => n + s.faqs.length, 0));
    expect(rows.posts).toHaveLength(DEMO_POSTS.length);
    expect(rows.projects).toHaveLength(DEMO_PROJECTS.length);
    expect((rows.pages as { slug: string }[]).map((p) => p.slug).sort()).toEqual(['cookies', 'privacy', 'terms']);
    const home = (await t.app.inject({ method: 'GET', url: '/api/v1/home' })).json();
    expect(home.counters).toMatchObject({ services: DEMO_SERVICES.length, projects: DEMO_PROJECTS.length });
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(t.ds);
    await runSeeders(t.ds, t.config);
    await runSeeders(t.ds, t.config);
    expect(await snapshot(t.ds)).toEqual(before);
  });

  it('keeps the seller\'s edits and deletions on the next start', async () => {
    await t.ds.getRepository(Service).update({ slug: 'landing-page' }, { title: 'One-page website' });
    await t.ds.getRepository(SitePage).delete({ slug: 'cookies' });
    const before = await snapshot(t.ds);
    await runSeeders(t.ds, t.config);
    expect(await snapshot(t.ds)).toEqual(before);
    expect(DEMO_PAGES.some((p) => p.slug === 'cookies')).toBe(true);
  });
});
