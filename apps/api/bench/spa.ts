import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT_DIR } from '../src/config';

/**
 * What a first visit downloads: the scripts, module preloads and stylesheets that each SPA's
 * built index.html names, compressed as a server would send them (gzip -9, brotli -11).
 */
export interface SpaBudget {
  app: string;
  built: boolean;
  js: { raw: number; gzip: number; brotli: number; files: number };
  css: { raw: number; gzip: number; brotli: number; files: number };
  budgetGzipJs: number;
}

const APPS = [
  { app: 'storefront', dir: 'apps/web/dist', base: '/', budgetGzipJs: 150 * 1024 },
  { app: 'back office', dir: 'apps/admin/dist', base: '/admin/', budgetGzipJs: 250 * 1024 },
];

export function spaBudgets(): SpaBudget[] {
  return APPS.map(({ app, dir, base, budgetGzipJs }) => {
    const root = path.join(ROOT_DIR, dir);
    const empty = () => ({ raw: 0, gzip: 0, brotli: 0, files: 0 });
    const out: SpaBudget = { app, built: false, js: empty(), css: empty(), budgetGzipJs };
    const index = path.join(root, 'index.html');
    if (!fs.existsSync(index)) return out;
    out.built = true;
    const html = fs.readFileSync(index, 'utf8');
    const refs = new Set<string>();
    for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)) refs.add(m[1]);
    for (const ref of refs) {
      const rel = ref.startsWith(base) ? ref.slice(base.length) : ref.replace(/^\//, '');
      const file = path.join(root, rel);
      if (!fs.existsSync(file)) continue;
      const buf = fs.readFileSync(file);
      const bucket = file.endsWith('.css') ? out.css : out.js;
      bucket.files += 1;
      bucket.raw += buf.length;
      bucket.gzip += zlib.gzipSync(buf, { level: 9 }).length;
      bucket.brotli += zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    return out;
  });
}
