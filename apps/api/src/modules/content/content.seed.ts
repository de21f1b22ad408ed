import { In, IsNull, type DataSource } from 'typeorm';
import type { Seeder } from '../../db/seed';
import { Post, Project, SitePage } from './content.entity';

export const DEMO_POSTS = [
  {
    slug: 'accepting-pi-payments-safely',
    title: 'Accepting π payments safely: what the server must check',
    excerpt: 'The Pi SDK makes paying easy. Making sure you were really paid is the server’s job; here is the checklist.',
    body: [
      'When a customer pays in π, the browser tells your app a payment happened. **Never take its word for it.**',
      '',
      '## The checklist',
      '1. Read the payment from the Pi Platform API with your server key.',
      '2. Compare the amount with the price you snapshotted at checkout, not today’s price.',
      '3. Check the memo and metadata point to the order you expect.',
      '4. On completion, look the transaction up on the ledger: right destination, right amount.',
      '',
      'Only then mark the order as paid. Everything else is a nice user interface.',
    ].join('\n'),
    publishedAt: '2025-09-15T08:00:00.000Z',
    published: true,
  },
  {
    slug: 'landing-pages-that-convert',
    title: 'Five things every landing page needs',
    excerpt: 'One message, one action, proof, speed and a form that works on a phone.',
    body: [
      'Most landing pages fail for the same few reasons. Here are the five things I check first:',
      '',
      '- **One message** above the fold, in the customer’s words',
      '- **One action**: every button leads to the same place',
      '- **Proof**: a testimonial, a number, a logo',
      '- **Speed**: under two seconds on a mid-range phone',
      '- **A form that works with a thumb**',
    ].join('\n'),
    publishedAt: '2025-10-02T08:00:00.000Z',
    published: true,
  },
  {
    slug: 'why-we-write-tests',
    title: 'Why every project ships with tests',
    excerpt: 'Tests are not a luxury for big teams: they are how a small studio keeps promises.',
    body: [
      'A test is a promise written down: *this keeps working*. When I hand a project over, the tests stay with it, ',
      'so the next developer (or future me) can change things without fear.',
      '',
      '> Code without tests is a rumour.',
    ].join('\n'),
    publishedAt: '2025-11-20T08:00:00.000Z',
    published: true,
  },
  {
    slug: 'pi-browser-checklist-draft',
    title: 'Testing your app in Pi Browser (draft)',
    excerpt: 'A draft checklist for testing Pi apps on real devices.',
    body: 'Draft: sandbox mode, the developer portal URL, and what changes on mainnet.',
    publishedAt: null,
    published: false,
  },
];

export const DEMO_PROJECTS = [
  {
    slug: 'coffee-roastery-shop',
    title: 'Coffee roastery online shop',
    description: 'An online shop for a small roastery: subscriptions, card and π payments, and a stock view for the roasting day.',
    link: 'https://example.com/roastery',
  },
  {
    slug: 'pi-marketplace-checkout',
    title: 'Pi marketplace checkout',
    description: 'Server-side approval and completion of π payments for a community marketplace, with a nightly reconciliation job.',
    link: null,
  },
  {
    slug: 'clinic-booking-api',
    title: 'Clinic booking API',
    description: 'A REST API behind a mobile booking app: availability, reminders by SMS and an OpenAPI description for the app team.',
    link: null,
  },
  {
    slug: 'conference-landing-page',
    title: 'Conference landing page',
    description: 'A one-page site for a two-day developer conference; 38% of visitors bought a ticket from a phone.',
    link: 'https://example.com/devconf',
  },
];

export const DEMO_PAGES = [
  {
    slug: 'privacy',
    title: 'Privacy policy',
    body: [
      'We collect only what we need to deliver your order: your username, your e-mail address (if you give one) and the messages you send us.',
      '',
      '## What we store',
      '- Your account details and orders, for as long as your account exists',
      '- Payment identifiers from the Pi Network (never your wallet keys)',
      '',
      '## Your rights',
      'You can ask for a copy of your data or for its deletion at any time through your inbox.',
    ].join('\n'),
  },
  {
    slug: 'terms',
    title: 'Terms of service',
    body: [
      'These terms apply to every order placed on this site.',
      '',
      '1. **Orders**: an order is confirmed once its payment is completed on the Pi Network.',
      '2. **Delivery**: we start work within five working days of payment and keep you informed in the order inbox.',
      '3. **Prices**: prices are set in EUR; the π amount is fixed when you check out.',
      '4. **Refunds**: if we cannot start your project, we refund the full amount.',
    ].join('\n'),
  },
  {
    slug: 'cookies',
    title: 'Cookie policy',
    body: [
      'We use one cookie: a secure, HTTP-only cookie that keeps you signed in. It is essential and is deleted when you sign out.',
      '',
      'We do not use advertising or tracking cookies.',
    ].join('\n'),
  },
];

/**
 * Demo content: each kind (posts, projects, pages) is loaded only into an empty table (so what
 * the seller deleted does not come back at the next start), keyed by slug: running it twice
 * changes nothing.
 */
export const contentSeeder: Seeder = {
  name: 'content',
  async run(ds) {
    await ds.transaction(async (em) => {
      const posts = em.getRepository(Post);
      for (const p of (await posts.count()) ? [] : DEMO_POSTS) {
        if (await posts.existsBy({ slug: p.slug })) continue;
        await posts.save(posts.create({ ...p, publishedAt: p.publishedAt ? new Date(p.publishedAt) : null, imageMediaId: null }));
      }
      const projects = em.getRepository(Project);
      for (const [index, p] of ((await projects.count()) ? [] : DEMO_PROJECTS).entries()) {
        if (await projects.existsBy({ slug: p.slug })) continue;
        await projects.save(projects.create({ ...p, position: index + 1, imageMediaId: null, previewMediaId: null }));
      }
      const pages = em.getRepository(SitePage);
      for (const p of (await pages.count()) ? [] : DEMO_PAGES) {
        if (await pages.existsBy({ slug: p.slug })) continue;
        await pages.save(pages.create(p));
      }
    });
  },
};

/** Demo projects and posts that still have no picture (the demo-media step gives them one). */
export async function demoContentWithoutMedia(ds: DataSource): Promise<{ projects: { slug: string; title: string }[]; posts: { slug: string; title: string }[] }> {
  const [projects, posts] = await Promise.all([
    ds.getRepository(Project).find({ where: { slug: In(DEMO_PROJECTS.map((p) => p.slug)), imageMediaId: IsNull() }, order: { position: 'ASC' } }),
    ds.getRepository(Post).find({ where: { slug: In(DEMO_POSTS.map((p) => p.slug)), imageMediaId: IsNull() } }),
  ]);
  const pick = (r: { slug: string; title: string }) => ({ slug: r.slug, title: r.title });
  return { projects: projects.map(pick), posts: posts.map(pick) };
}

export async function attachProjectMedia(ds: DataSource, slug: string, media: { imageMediaId: number; previewMediaId: number | null }): Promise<void> {
  await ds.getRepository(Project).update({ slug, imageMediaId: IsNull() }, media);
}

export async function attachPostImage(ds: DataSource, slug: string, imageMediaId: number): Promise<void> {
  await ds.getRepository(Post).update({ slug, imageMediaId: IsNull() }, { imageMediaId });
}
