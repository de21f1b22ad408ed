import { slugify, uniqueSlug } from '../../src/lib/slug';
import { renderMarkdown } from '../../src/lib/markdown';
import { contentRange, parseListParams, type SimpleRestSpec } from '../../src/lib/simple-rest';
import { ifNoneMatchHits } from '../../src/lib/http-cache';
import { AppError } from '../../src/lib/app-error';
import { imageUrlOf, previewUrlOf, resolveMediaUrls } from '../../src/lib/media-urls';
import type { FastifyInstance } from 'fastify';

describe('slugify', () => {
  it.each([
    ['Landing Page', 'landing-page'],
    ['Café & Crème — Pi Apps!', 'cafe-and-creme-pi-apps'],
    ['  Déjà vu: Ünïcödé  ', 'deja-vu-unicode'],
    ['Straße', 'strasse'],
    ['π payments', 'pi-payments'],
    ['--Hello---World--', 'hello-world'],
    ['日本語', ''],
  ])('%p → %p', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps slugs short enough for a -N suffix', () => {
    expect(slugify('a'.repeat(500)).length).toBeLessThanOrEqual(192);
  });

  it('adds -2, -3 ... when a slug is taken', async () => {
    const taken = new Set(['web-app', 'web-app-2']);
    expect(await uniqueSlug('web-app', async (s) => taken.has(s))).toBe('web-app-3');
    expect(await uniqueSlug('', async () => false)).toBe('item');
  });
});

describe('renderMarkdown', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<svg onload=alert(1)><circle/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick="x()">hi</p>',
    '![x](data:image/svg+xml;base64,PHN2Zy8+)',
    '<details open ontoggle=alert(1)><summary>s</summary></details>',
  ];

  it.each(attacks)('neutralises %p', (source) => {
    const html = renderMarkdown(`Intro\n\n${source}\n\nOutro`);
    expect(html).not.toMatch(/<script|<iframe|<svg/i);
    expect(html).not.toMatch(/\son\w+\s*=/i); // no event handler attributes
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|data):/i);
    expect(html).not.toMatch(/style=/i);
    expect(html).toContain('Outro');
  });

  it('keeps ordinary Markdown', () => {
    const html = renderMarkdown('# Title\n\n**bold** and [a link](https://example.com) and `code`\n\n- one\n- two');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">a link</a>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
  });
});

describe('simple-rest query parsing', () => {
  const spec: SimpleRestSpec = {
    resource: 'things',
    sortable: { id: 't.id', title: 't.title' },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: { type: 'search', columns: ['t.title'] },
      id: { type: 'int', column: 't.id' },
      active: { type: 'boolean', column: 't.active' },
      status: { type: 'string', column: 't.status', values: ['a', 'b'] },
      createdAt_lte: { type: 'date', column: 't.createdAt', op: 'lte' },
    },
  };
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return Object.keys(((err as AppError).details as { fields: Record<string, string> }).fields)[0];
    }
    throw new Error('expected a validation error');
  };

  it('reads sort, range and filter as react-admin sends them', () => {
    const p = parseListParams({ sort: '["title","desc"]', range: '[10,19]', filter: '{"q":"x","id":[1,"2"],"active":"true","status":["a"]}' }, spec);
    expect(p.sort).toEqual({ field: 'title', column: 't.title', order: 'DESC' });
    expect([p.start, p.end]).toEqual([10, 19]);
    expect(p.filters.map((f) => [f.key, f.value])).toEqual([['q', 'x'], ['id', [1, 2]], ['active', true], ['status', ['a']]]);
  });

  it('defaults to the first 1,000 rows and caps larger ranges', () => {
    expect(parseListParams({}, spec)).toMatchObject({ start: 0, end: 999 });
    expect(parseListParams({ range: '[5,99999]' }, spec)).toMatchObject({ start: 5, end: 1004 });
  });

  it('reads a date-only upper bound as the end of that day', () => {
    const p = parseListParams({ filter: '{"createdAt_lte":"2025-01-31"}' }, spec);
    expect((p.filters[0].value as Date).toISOString()).toBe('2025-01-31T23:59:59.999Z');
  });

  it.each([
    [{ sort: '["title"' }, 'sort'],
    [{ sort: '["secret","ASC"]' }, 'sort'],
    [{ sort: '["title","UP"]' }, 'sort'],
    [{ sort: '{"field":"title"}' }, 'sort'],
    [{ range: '[0' }, 'range'],
    [{ range: '[10,5]' }, 'range'],
    [{ range: '[-1,5]' }, 'range'],
    [{ range: '[0.5,5]' }, 'range'],
    [{ range: '"0-9"' }, 'range'],
    [{ filter: '{q:1}' }, 'filter'],
    [{ filter: '[1,2]' }, 'filter'],
    [{ filter: '{"password":"x"}' }, 'filter'],
    [{ filter: '{"id":"abc"}' }, 'filter'],
    [{ filter: '{"active":"maybe"}' }, 'filter'],
    [{ filter: '{"status":"z"}' }, 'filter'],
    [{ filter: '{"createdAt_lte":"yesterday"}' }, 'filter'],
  ])('refuses %p naming %p', (query, field) => {
    expect(fieldOf(() => parseListParams(query, spec))).toBe(field);
  });

  it('formats Content-Range as ra-data-simple-rest reads it', () => {
    expect(contentRange('services', 0, 10, 23)).toBe('services 0-9/23');
    expect(contentRange('services', 20, 3, 23)).toBe('services 20-22/23');
    expect(contentRange('services', 0, 0, 0)).toBe('services */0');
  });
});

describe('If-None-Match', () => {
  it('compares weakly and accepts lists and *', () => {
    expect(ifNoneMatchHits('W/"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchHits('"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchHits('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchHits('*', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchHits('W/"abd"', 'W/"abc"')).toBe(false);
    expect(ifNoneMatchHits(undefined, 'W/"abc"')).toBe(false);
  });
});

describe('media URL resolution', () => {
  const fakeApp = (host: object) => ({ log: { warn: jest.fn() }, ...host }) as unknown as FastifyInstance;
  const ref = (id: number, status = 'ready') => ({ id, url: `/media/${id}.webp`, previewUrl: `/media/${id}_s.mp4`, status });

  it('reads null URLs when no media module is registered', async () => {
    expect((await resolveMediaUrls(fakeApp({}), [1, 2])).size).toBe(0);
  });

  it('uses app.media.resolve (a record by id), asks once per distinct id, and drops failed media', async () => {
    const resolve = jest.fn(async (ids: number[]) => Object.fromEntries(ids.map((id) => [id, ref(id, id === 3 ? 'failed' : 'ready')])));
    const media = await resolveMediaUrls(fakeApp({ media: { resolve } }), [1, null, 1, 3]);
    expect(resolve).toHaveBeenCalledWith([1, 3]);
    expect(imageUrlOf(media, 1)).toBe('/media/1.webp');
    expect(previewUrlOf(media, 1)).toBe('/media/1_s.mp4');
    expect(imageUrlOf(media, 3)).toBeNull();
    expect(imageUrlOf(media, null)).toBeNull();
  });

  it('accepts an app.mediaUrls answering a Map or an array', async () => {
    const asMap = await resolveMediaUrls(fakeApp({ mediaUrls: async () => new Map([[5, { url: '/m/5' }]]) }), [5]);
    expect(previewUrlOf(asMap, 5)).toBe('/m/5'); // no preview: the media itself
    const asArray = await resolveMediaUrls(fakeApp({ mediaUrls: async () => [ref(6)] }), [6]);
    expect(imageUrlOf(asArray, 6)).toBe('/media/6.webp');
  });

  it('answers without URLs (and logs) when the resolver fails', async () => {
    const app = fakeApp({ mediaUrls: async () => { throw new Error('disk gone'); } });
    expect((await resolveMediaUrls(app, [1])).size).toBe(0);
    expect(app.log.warn).toHaveBeenCalled();
  });
});
