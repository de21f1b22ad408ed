import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { dtoSchema } from '../../lib/validation';
import { messagesSpec, threadsSpec, type AdminThread, type InboxAdminService } from './inbox-admin.service';
import type { ThreadRead } from './inbox.service';
import { AdminMessageDto, PostMessageDto } from './inbox.dto';
import { messageSchema, threadSchema } from './inbox.views';

const tag = 'admin: inbox';
const adminId = (request: FastifyRequest) => Number(request.viewer?.sub);

const adminThreadSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    orderId: { type: 'integer' },
    orderNumber: { type: 'string' },
    orderStatus: { type: 'string' },
    customerId: { type: 'integer' },
    unread: { type: 'integer' },
    lastMessageAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    hasMore: { type: 'boolean' },
    messages: threadSchema.properties.messages,
  },
} as const;

const adminMessageSchema = { ...messageSchema, properties: { ...messageSchema.properties, threadId: { type: 'integer' } } } as const;

/** Back office: threads (reading one changes nothing; `POST /threads/:id/read` marks it read) and messages (answer or note). */
export const inboxAdminRoutes: FastifyPluginAsync<{ admin: InboxAdminService }> = async (app, { admin }) => {
  simpleRestRoutes<AdminThread | ThreadRead, never>(app, {
    spec: threadsSpec,
    guard: app.requireAdmin,
    tag,
    noun: 'thread',
    record: adminThreadSchema,
    list: (params) => admin.listThreads(params),
    get: (id) => admin.getThread(id, 0),
  });
  simpleRestRoutes(app, {
    spec: messagesSpec,
    guard: app.requireAdmin,
    tag,
    noun: 'message',
    record: adminMessageSchema,
    list: (params) => admin.listMessages(params),
    get: (id) => admin.getMessage(id),
  });

  app.post('/messages', {
    onRequest: app.requireAdmin,
    schema: {
      tags: [tag], security: [{ bearerAuth: [] }],
      summary: 'Answer in a thread, or write an internal note (`internal: true`)',
      body: dtoSchema(AdminMessageDto),
      response: { 201: adminMessageSchema },
    },
  }, async (request: FastifyRequest<{ Body: AdminMessageDto }>, reply) =>
    reply.status(201).send(await admin.postMessage(adminId(request), request.body)),
  );

  app.post('/threads/:id/read', {
    onRequest: app.requireAdmin,
    schema: {
      tags: [tag], security: [{ bearerAuth: [] }],
      summary: 'Mark a thread read for the admin side (shared by all admins); answers its unread count after',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      response: { 200: { type: 'object', properties: { id: { type: 'integer' }, unread: { type: 'integer' } } } },
    },
  }, async (request) => admin.markRead((request.params as { id: number }).id, adminId(request)));

  app.post('/threads/:id/messages', {
    onRequest: app.requireAdmin,
    schema: {
      tags: [tag], security: [{ bearerAuth: [] }],
      summary: 'Answer in a thread, or write an internal note (`internal: true`)',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      body: dtoSchema(PostMessageDto),
      response: { 201: adminMessageSchema },
    },
  }, async (request: FastifyRequest<{ Body: PostMessageDto }>, reply) =>
    reply.status(201).send(await admin.postMessage(adminId(request), { ...request.body, threadId: (request.params as { id: number }).id })),
  );
};
