import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { customerPays, signInToShop } from './support/customer';
import { startServer, type RunningServer } from './support/server';

/**
 * Every storefront page, on a phone (390 px) and a desktop (1280 px), for an empty shop and
 * the demo shop: no horizontal scroll, no serious or critical axe-core violation. Screenshots
 * go to e2e/artifacts/screenshots (git-ignored) for a person to look at.
 */
const SHOTS = path.resolve(__dirname, '../artifacts/screenshots');
const VIEWPORTS = [
  { name: '390', width: 390, height: 844, colorScheme: 'light' as const },
  { name: '1280', width: 1280, height: 800, colorScheme: 'light' as const },
  { name: '390-dark', width: 390, height: 844, colorScheme: 'dark' as const },
];

interface Visit {
  name: string;
  path: string;
  signedIn?: boolean;
}

interface Finding {
  page: string;
  problem: string;
}

async function api<T>(server: RunningServer, url: string, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** The page has rendered its content: a main heading, and no loading placeholder left. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor({ timeout: 30000 });
  await page.getByText('Loading…').first().waitFor({ state: 'detached', timeout: 30000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts?.ready);
}

async function check(page: Page, label: string, findings: Finding[]) {
  const overflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    widest: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
  if (overflow.scrollWidth > overflow.clientWidth) {
    findings.push({ page: label, problem: `horizontal overflow: scrollWidth ${overflow.scrollWidth} > clientWidth ${overflow.clientWidth} (${overflow.widest.join(', ')})` });
  }
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
    findings.push({ page: label, problem: `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})` });
  }
}

/** Visits `visits` in one viewport (signed-out pages first, then signed in), checking and photographing each. */
async function visitAll(
  browser: Browser, server: RunningServer, shop: string, vp: (typeof VIEWPORTS)[number], visits: Visit[], customer: { login: string; password: string },
) {
  const findings: Finding[] = [];
  fs.mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, colorScheme: vp.colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  try {
    for (const signedIn of [false, true]) {
      if (signedIn) await signInToShop(page, server, customer.login, customer.password);
      for (const visit of visits.filter((v) => !!v.signedIn === signedIn)) {
        const label = `${shop} ${vp.name} ${visit.name}`;
        await page.goto(`${server.url}${visit.path}`);
        await settled(page);
        await page.screenshot({ path: path.join(SHOTS, `${shop}-${vp.name}-${visit.name}.png`), fullPage: true });
        await check(page, label, findings);
      }
    }
    // The phone menu opens from its button and offers every section.
    if (vp.width < 768) {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: /^Open menu/ }).click();
      await page.getByRole('link', { name: 'Services', exact: true }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, `${shop}-${vp.name}-menu-open.png`) });
      await check(page, `${shop} ${vp.name} menu open`, findings);
      await page.getByRole('link', { name: 'Blog', exact: true }).click();
      await page.getByRole('heading', { name: 'Blog' }).waitFor();
      expect(await page.getByRole('button', { name: /^Open menu/ }).getAttribute('aria-expanded')).toBe('false');
    }
  } finally {
    await context.close();
  }
  fs.writeFileSync(path.join(SHOTS, `${shop}-${vp.name}-findings.json`), JSON.stringify(findings, null, 2));
  return findings;
}

const publicPages: Visit[] = [
  { name: 'home', path: '/' },
  { name: 'services', path: '/services' },
  { name: 'projects', path: '/projects' },
  { name: 'blog', path: '/blog' },
  { name: 'privacy', path: '/privacy' },
  { name: 'terms', path: '/terms' },
  { name: 'cookies', path: '/cookies' },
  { name: 'login', path: '/login' },
  { name: 'register', path: '/register' },
  { name: 'password-reset', path: '/password-reset' },
  { name: 'not-found', path: '/no-such-page' },
];
const signedInPages: Visit[] = [
  { name: 'orders', path: '/orders', signedIn: true },
  { name: 'inbox', path: '/inbox', signedIn: true },
  { name: 'profile', path: '/profile', signedIn: true },
];

/** The dark scheme is checked on the demo shop's busiest pages (the colours are shared by all). */
const DARK_PAGES = ['home', 'services', 'service', 'login', 'orders', 'order', 'receipt', 'thread', 'profile'];
const TIMEOUT = 900000;

describe('storefront layout and accessibility: an empty shop', () => {
  let browser: Browser;
  let server: RunningServer;
  const customer = { email: 'empty@example.com', username: 'empty', password: 'empty-shop-password' };
  beforeAll(async () => {
    server = await startServer({ DEMO_DATA: 'false' });
    browser = await launchBrowser();
    const res = await fetch(`${server.url}/api/v1/auth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(customer) });
    expect(res.status).toBeLessThan(300);
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(VIEWPORTS.filter((v) => v.colorScheme === 'light'))('at $name px: no horizontal overflow, no serious axe violation', async (vp) => {
    const findings = await visitAll(browser, server, 'empty', vp, [...publicPages, ...signedInPages], { login: customer.email, password: customer.password });
    expect(findings).toEqual([]);
  }, TIMEOUT);
});

describe('storefront layout and accessibility: the demo shop with a paid order', () => {
  let browser: Browser;
  let server: RunningServer;
  let visits: Visit[];
  let customer: { login: string; password: string };
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const services = await api<{ items: { slug: string }[] }>(server, '/services');
    const posts = await api<{ items: { slug: string }[] }>(server, '/posts');
    expect(services.items.length).toBeGreaterThan(0);
    const paid = await customerPays(server, services.items[0].slug);
    customer = { login: paid.customer.email, password: paid.customer.password };
    const order = await api<{ payments: { id: number }[]; threadId: number }>(server, `/orders/${paid.orderNumber}`, paid.accessToken);
    visits = [
      ...publicPages,
      { name: 'service', path: `/services/${services.items[0].slug}` },
      ...(posts.items[0] ? [{ name: 'post', path: `/blog/${posts.items[0].slug}` }] : []),
      ...signedInPages,
      { name: 'order', path: `/orders/${paid.orderNumber}`, signedIn: true },
      { name: 'receipt', path: `/payments/${order.payments[0].id}`, signedIn: true },
      { name: 'thread', path: `/inbox/${order.threadId}`, signedIn: true },
      { name: 'service-signed-in', path: `/services/${services.items[0].slug}`, signedIn: true },
    ];
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(VIEWPORTS)('at $name px: no horizontal overflow, no serious axe violation', async (vp) => {
    const pages = vp.colorScheme === 'dark' ? visits.filter((v) => DARK_PAGES.includes(v.name)) : visits;
    const findings = await visitAll(browser, server, 'demo', vp, pages, customer);
    expect(findings).toEqual([]);
  }, TIMEOUT);
});
