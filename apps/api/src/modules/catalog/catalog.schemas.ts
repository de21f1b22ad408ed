/** Response JSON schemas: fast serialisation, no leaked columns, and the OpenAPI document. */
import { str, int, bool, date, nullableStr, nullableInt } from '../../lib/json-schema';

const priced = {
  priceEurCents: { type: 'integer', description: 'Price in EUR cents' },
  pricePi: { type: 'string', description: 'π estimate at today\'s rate: EUR / PI_EUR_PER_PI rounded up to 7 decimals', examples: ['33.3333334'] },
} as const;

const summaryProps = {
  id: int, slug: str, title: str, summary: str, featured: bool, ...priced,
  imageUrl: nullableStr, previewUrl: nullableStr,
} as const;

export const serviceSummarySchema = {
  type: 'object',
  title: 'ServiceSummary',
  required: Object.keys(summaryProps),
  properties: summaryProps,
} as const;

const featureView = { type: 'object', properties: { id: int, title: str, description: str } } as const;
const faqView = { type: 'object', properties: { id: int, question: str, answer: str } } as const;

export const serviceDetailSchema = {
  type: 'object',
  title: 'ServiceDetail',
  required: [...Object.keys(summaryProps), 'descriptionHtml', 'features', 'faqs', 'updatedAt'],
  properties: {
    ...summaryProps,
    descriptionHtml: { type: 'string', description: 'Sanitised HTML rendered from the Markdown description' },
    features: { type: 'array', items: featureView },
    faqs: { type: 'array', items: faqView },
    updatedAt: date,
  },
} as const;

export const adminServiceSchema = {
  type: 'object',
  title: 'AdminService',
  properties: {
    ...summaryProps,
    description: { type: 'string', description: 'Markdown source' },
    descriptionHtml: str,
    imageMediaId: nullableInt,
    previewMediaId: nullableInt,
    active: bool,
    position: int,
    features: { type: 'array', description: 'In display order', items: { type: 'object', properties: { id: int, title: str, description: str } } },
    faqs: { type: 'array', description: 'In display order', items: { type: 'object', properties: { id: int, question: str, answer: str } } },
    createdAt: date,
    updatedAt: date,
  },
} as const;

export const adminFeatureSchema = {
  type: 'object',
  title: 'AdminServiceFeature',
  properties: { id: int, serviceId: int, title: str, description: str, position: int, createdAt: date, updatedAt: date },
} as const;

export const adminFaqSchema = {
  type: 'object',
  title: 'AdminServiceFaq',
  properties: { id: int, serviceId: int, question: str, answer: str, position: int, createdAt: date, updatedAt: date },
} as const;

export const idListResultSchema = {
  type: 'object',
  properties: { action: str, ids: { type: 'array', items: int } },
} as const;
