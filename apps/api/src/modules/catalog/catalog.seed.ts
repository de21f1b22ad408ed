import { In, IsNull, type DataSource } from 'typeorm';
import type { Seeder } from '../../db/seed';
import { Service, ServiceFaq, ServiceFeature } from './catalog.entity';

interface DemoService {
  slug: string;
  title: string;
  summary: string;
  description: string;
  priceEurCents: number;
  featured: boolean;
  features: [title: string, description: string][];
  faqs: [question: string, answer: string][];
}

export const DEMO_SERVICES: DemoService[] = [
  {
    slug: 'landing-page',
    title: 'Landing Page',
    summary: 'A fast, conversion-focused one-page site for a product, an event or a campaign.',
    description: [
      'A single page that explains what you offer and gets visitors to act: sign up, book a call or buy.',
      '',
      '## What you get',
      '- A copy structure built around **one clear call to action**',
      '- Responsive layout tested on phones, tablets and desktops',
      '- Contact or newsletter form wired to your inbox or mailing tool',
      '- Analytics without cookie banners (privacy-friendly, self-hosted)',
      '',
      'Delivered in **7 working days** from the moment we agree on the content.',
    ].join('\n'),
    priceEurCents: 49000,
    featured: true,
    features: [
      ['Responsive design', 'Looks right from a 320 px phone to a 4K screen.'],
      ['Core Web Vitals in the green', 'Optimised images, no render-blocking scripts, Lighthouse 95+.'],
      ['Contact form', 'Spam-protected form that lands in your inbox.'],
      ['Basic SEO', 'Titles, meta descriptions, Open Graph tags and a sitemap.'],
    ],
    faqs: [
      ['Do I need to provide the text?', 'You provide the facts; I shape them into copy and send it to you for review before building.'],
      ['Can I edit the page myself later?', 'Yes. The page ships with a simple editor for texts and images, and a short video walkthrough.'],
      ['Is hosting included?', 'The first year of hosting on a European provider is included; after that it costs about 5 EUR a month.'],
    ],
  },
  {
    slug: 'pi-app-integration',
    title: 'Pi App Integration',
    summary: 'Sign in with Pi and accept π payments in your web app, approved and completed server-side.',
    description: [
      'I connect your app to the **Pi Network**: users sign in with their Pi account and pay in π from Pi Browser.',
      '',
      '## Scope',
      '1. Pi SDK set-up and `Pi.authenticate` with server-side verification of the access token',
      '2. Payment flow: create, server approval, completion with the transaction id',
      '3. Recovery of incomplete payments and a reconciliation job',
      '4. Testing against the Pi sandbox, then the switch to mainnet',
      '',
      'Your backend never trusts the client: every payment is read back from the Pi Platform API before it is approved.',
    ].join('\n'),
    priceEurCents: 120000,
    featured: true,
    features: [
      ['Pi authentication', 'Sign-in with Pi, verified on your server through /v2/me.'],
      ['Server-side approval and completion', 'Amounts and metadata checked against your order before approving.'],
      ['Incomplete payment recovery', 'Payments interrupted by a closed browser are picked up and settled.'],
      ['Sandbox first', 'Everything is tested in the Pi sandbox before real π moves.'],
      ['Handover documentation', 'A runbook for your team: keys, environments and what to do when Pi is down.'],
    ],
    faqs: [
      ['Does my app have to run inside Pi Browser?', 'Payments do; the rest of your site works in any browser, with a fallback message for Pi-only features.'],
      ['Which backends do you support?', 'Node.js, PHP and Python backends. Other stacks on request.'],
      ['Who registers the app in the Pi Developer Portal?', 'You do, as the owner; I guide you through it in a 30-minute call.'],
      ['How long does it take?', 'Usually two to three weeks, depending on how your checkout works today.'],
    ],
  },
  {
    slug: 'api-development',
    title: 'REST API Development',
    summary: 'A documented, tested REST API for your web or mobile app, built to run for years.',
    description: [
      'A backend your frontend team will enjoy: predictable URLs, clear errors and an OpenAPI description.',
      '',
      'Built with TypeScript, a relational database and automated tests. Deployed with Docker to the host of your choice.',
    ].join('\n'),
    priceEurCents: 180000,
    featured: false,
    features: [
      ['OpenAPI documentation', 'Interactive docs generated from the code, always up to date.'],
      ['Authentication', 'Email/password and token-based sign-in with refresh tokens.'],
      ['Automated tests', 'Every endpoint covered by tests that run on each change.'],
      ['Docker deployment', 'One command to run it locally or in production.'],
    ],
    faqs: [
      ['Will I own the code?', 'Yes, entirely: the repository is yours from day one.'],
      ['Can you work with my existing database?', 'Yes. I start with a read-only review and propose migrations where needed.'],
    ],
  },
  {
    slug: 'performance-security-audit',
    title: 'Performance & Security Audit',
    summary: 'A written review of your site’s speed and security, with fixes ranked by impact.',
    description: [
      'I review your site or app the way an attacker and an impatient visitor would.',
      '',
      '- Page speed and Core Web Vitals, measured on real mobile conditions',
      '- HTTP security headers, TLS and cookie settings',
      '- Dependency vulnerabilities and outdated packages',
      '- Authentication and access control spot checks',
      '',
      'You receive a report with **each finding ranked by impact and effort**, and a 45-minute call to go through it.',
    ].join('\n'),
    priceEurCents: 35000,
    featured: true,
    features: [
      ['Written report', 'Findings with evidence, impact and a suggested fix.'],
      ['Quick wins first', 'A short list of changes you can make this week.'],
      ['Review call', '45 minutes to go through the report together.'],
    ],
    faqs: [
      ['Do you need access to my server?', 'No. The audit works from the outside; code access is optional and makes it deeper.'],
      ['Will the audit slow my site down?', 'No. Tests are light and run outside your busy hours.'],
    ],
  },
  {
    slug: 'online-shop',
    title: 'Online Shop',
    summary: 'A small online shop with card and π payments, order e-mails and a simple back office.',
    description: [
      'Sell up to a few hundred products without a heavy platform or monthly fees per sale.',
      '',
      'Includes product pages, cart, checkout, order e-mails and a back office to manage stock and orders.',
    ].join('\n'),
    priceEurCents: 240000,
    featured: false,
    features: [
      ['Product catalog', 'Variants, photos and stock levels.'],
      ['Card and π payments', 'Stripe for cards, the Pi SDK for π.'],
      ['Order e-mails', 'Confirmation and shipping e-mails in your brand.'],
      ['Back office', 'Manage products, orders and customers from one place.'],
    ],
    faqs: [
      ['Can I import my current products?', 'Yes, from a CSV export of your current shop or spreadsheet.'],
      ['Are there transaction fees?', 'Only your payment provider’s fees; the shop itself takes nothing.'],
      ['Is it GDPR-compliant?', 'Yes: EU hosting, minimal data collection and the legal pages you need.'],
    ],
  },
  {
    slug: 'maintenance-support',
    title: 'Maintenance & Support',
    summary: 'Monthly updates, backups, uptime monitoring and two hours of small changes.',
    description: [
      'Keep your site healthy without thinking about it.',
      '',
      'Every month: dependency and security updates, verified backups, uptime monitoring with alerts, and up to **two hours** of small changes.',
    ].join('\n'),
    priceEurCents: 19000,
    featured: false,
    features: [
      ['Security updates', 'Applied and tested every month.'],
      ['Verified backups', 'Daily backups, restored once a month to prove they work.'],
      ['Uptime monitoring', 'Alerts within minutes if your site goes down.'],
    ],
    faqs: [
      ['Can I cancel any time?', 'Yes, with one month’s notice.'],
      ['What if I need more than two hours?', 'Extra time is billed at the hourly rate, always agreed in advance.'],
    ],
  },
];

/**
 * Demo catalog, loaded only into an empty catalog (so services the seller deleted do not come
 * back at the next start), and keyed by slug: running it twice changes nothing.
 */
export const catalogSeeder: Seeder = {
  name: 'catalog',
  async run(ds) {
    await ds.transaction(async (em) => {
      if ((await em.getRepository(Service).count()) > 0) return;
      for (const [index, demo] of DEMO_SERVICES.entries()) {
        if (await em.getRepository(Service).existsBy({ slug: demo.slug })) continue;
        const service = await em.getRepository(Service).save(em.getRepository(Service).create({
          slug: demo.slug,
          title: demo.title,
          summary: demo.summary,
          description: demo.description,
          priceEurCents: demo.priceEurCents,
          featured: demo.featured,
          active: true,
          position: index + 1,
          imageMediaId: null,
          previewMediaId: null,
        }));
        await em.getRepository(ServiceFeature).save(demo.features.map(([title, description], i) =>
          em.getRepository(ServiceFeature).create({ serviceId: service.id, title, description, position: i + 1 })));
        await em.getRepository(ServiceFaq).save(demo.faqs.map(([question, answer], i) =>
          em.getRepository(ServiceFaq).create({ serviceId: service.id, question, answer, position: i + 1 })));
      }
    });
  },
};

/** Demo services that still have no picture (the demo-media step gives them one). */
export async function demoServicesWithoutMedia(ds: DataSource): Promise<{ slug: string; title: string }[]> {
  const rows = await ds.getRepository(Service).find({ where: { slug: In(DEMO_SERVICES.map((d) => d.slug)), imageMediaId: IsNull() }, order: { position: 'ASC' } });
  return rows.map((s) => ({ slug: s.slug, title: s.title }));
}

/** Gives a demo service its picture and preview clip, unless the seller set one meanwhile. */
export async function attachServiceMedia(ds: DataSource, slug: string, media: { imageMediaId: number; previewMediaId: number | null }): Promise<void> {
  await ds.getRepository(Service).update({ slug, imageMediaId: IsNull() }, media);
}
