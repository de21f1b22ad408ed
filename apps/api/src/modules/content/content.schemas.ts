/** Response JSON schemas: fast serialisation, no leaked columns, and the OpenAPI document. */
import { serviceSummarySchema } from '../catalog';
import { str, int, bool, date, nullableStr, nullableInt, nullableDate } from '../../lib/json-schema';

const postSummaryProps = { id: int, slug: str, title: str, excerpt: str, imageUrl: nullableStr, publishedAt: date } as const;

export const postSummarySchema = { type: 'object', title: 'PostSummary', properties: postSummaryProps } as const;

export const postDetailSchema = {
  type: 'object',
  title: 'PostDetail',
  properties: { ...postSummaryProps, bodyHtml: { type: 'string', description: 'Sanitised HTML rendered from Markdown' }, updatedAt: date },
} as const;

const projectProps = {
  id: int, slug: str, title: str,
  descriptionHtml: { type: 'string', description: 'Sanitised HTML rendered from Markdown' },
  imageUrl: nullableStr, previewUrl: nullableStr, link: nullableStr, position: int,
} as const;

export const projectSchema = { type: 'object', title: 'Project', properties: projectProps } as const;

export const pageViewSchema = {
  type: 'object',
  title: 'Page',
  properties: { slug: str, title: str, bodyHtml: { type: 'string', description: 'Sanitised HTML rendered from Markdown' }, updatedAt: date },
} as const;

export const homeSchema = {
  type: 'object',
  title: 'Home',
  properties: {
    featuredServices: { type: 'array', items: serviceSummarySchema },
    latestProjects: { type: 'array', items: projectSchema },
    latestPosts: { type: 'array', items: postSummarySchema },
    counters: {
      type: 'object',
      properties: {
        services: { type: 'integer', description: 'Active services' },
        projects: int,
        completedOrders: { type: 'integer', description: 'Paid orders (0 until the orders module counts them)' },
      },
    },
  },
} as const;

export const adminPostSchema = {
  type: 'object',
  title: 'AdminPost',
  properties: {
    id: int, title: str, slug: str, excerpt: str, body: { type: 'string', description: 'Markdown source' }, bodyHtml: str,
    imageMediaId: nullableInt, imageUrl: nullableStr, published: bool, publishedAt: nullableDate, createdAt: date, updatedAt: date,
  },
} as const;

export const adminProjectSchema = {
  type: 'object',
  title: 'AdminProject',
  properties: {
    ...projectProps, description: { type: 'string', description: 'Markdown source' },
    imageMediaId: nullableInt, previewMediaId: nullableInt, createdAt: date, updatedAt: date,
  },
} as const;

export const adminPageSchema = {
  type: 'object',
  title: 'AdminPage',
  properties: { id: int, slug: str, title: str, body: { type: 'string', description: 'Markdown source' }, bodyHtml: str, createdAt: date, updatedAt: date },
} as const;

export const idListResultSchema = { type: 'object', properties: { ids: { type: 'array', items: int } } } as const;
