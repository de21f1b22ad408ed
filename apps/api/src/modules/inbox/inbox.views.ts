import type { MessageView, ThreadSummary } from '@pishop/shared';
import type { Message } from './thread.entity';

export type Side = 'customer' | 'admin';

export interface InboxViewer {
  id: number;
  role: 'customer' | 'admin';
}

export const sideOf = (viewer: InboxViewer): Side => (viewer.role === 'admin' ? 'admin' : 'customer');

export function messageView(m: Message): MessageView {
  return { id: m.id, kind: m.kind, body: m.body, createdAt: m.createdAt.toISOString(), authorId: m.authorId, internal: m.internal };
}

export function preview(body: string | null | undefined): string | null {
  if (!body) return null;
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

export type ThreadRow = { id: number; orderNumber: string; lastMessageAt: Date | null };

export function threadSummary(row: ThreadRow, unread: number, last: Message | undefined): ThreadSummary {
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    unread,
    lastMessageAt: row.lastMessageAt ? row.lastMessageAt.toISOString() : null,
    lastMessagePreview: preview(last?.body),
  };
}

/** JSON schemas of the answers (fast serialisation, no leaked fields, OpenAPI). */
export const messageSchema = {
  type: 'object',
  required: ['id', 'kind', 'body', 'createdAt', 'internal'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['system', 'customer', 'admin'] },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    authorId: { type: ['integer', 'null'] },
    internal: { type: 'boolean', description: 'Admin-only note (never sent to customers)' },
  },
} as const;

export const threadSummarySchema = {
  type: 'object',
  required: ['id', 'orderNumber', 'unread'],
  properties: {
    id: { type: 'integer' },
    orderNumber: { type: 'string' },
    unread: { type: 'integer' },
    lastMessageAt: { type: ['string', 'null'], format: 'date-time' },
    lastMessagePreview: { type: ['string', 'null'] },
  },
} as const;

export const threadSchema = {
  type: 'object',
  required: ['id', 'orderNumber', 'unread', 'messages'],
  properties: {
    id: { type: 'integer' },
    orderNumber: { type: 'string' },
    orderStatus: { type: 'string' },
    customerId: { type: 'integer' },
    unread: { type: 'integer', description: 'Messages this side had not seen before this read' },
    hasMore: { type: 'boolean', description: 'Older messages exist (ask with ?beforeId=)' },
    messages: { type: 'array', items: messageSchema },
  },
} as const;
