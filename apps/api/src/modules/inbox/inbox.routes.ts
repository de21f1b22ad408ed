import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PageQueryDto, pageSchema } from '../../lib/pagination';
import { dtoSchema } from '../../lib/validation';
import { PostMessageDto, ThreadReadQueryDto } from './inbox.dto';
import { messageSchema, threadSchema, threadSummarySchema, type InboxViewer } from './inbox.views';
import { perUserPerMinute } from '../../lib/rate-limits';

const tags = ['inbox'];
const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

export const viewerOf = (request: FastifyRequest): InboxViewer => ({ id: Number(request.viewer?.sub), role: request.viewer?.role ?? 'customer' });

/** The per-order inbox: customers see their own threads, admins see and answer all. */
export const inboxRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
  });

  app.get('/inbox/threads', {
    onRequest: app.requireUser,
    schema: {
      tags, security, summary: 'Your order threads, most recent activity first (admins: all threads)',
      querystring: dtoSchema(PageQueryDto),
      response: { 200: pageSchema(threadSummarySchema, 'ThreadPage') },
    },
  }, async (request: FastifyRequest<{ Querystring: PageQueryDto }>) => app.inbox.listThreads(viewerOf(request), request.query));

  app.get('/inbox/threads/:id', {
    onRequest: app.requireUser,
    schema: {
      tags, security, summary: "Read a thread (marks it read for your side); another customer's thread is 404",
      params: idParams,
      querystring: dtoSchema(ThreadReadQueryDto),
      response: { 200: threadSchema },
    },
  }, async (request: FastifyRequest<{ Querystring: ThreadReadQueryDto }>) =>
    app.inbox.getThread(viewerOf(request), (request.params as { id: number }).id, request.query),
  );

  app.post('/inbox/threads/:id/messages', {
    onRequest: app.requireUser,
    config: perUserPerMinute(app.config.customerWriteRateLimitMax),
    schema: {
      tags, security, summary: 'Write in a thread (the other side gets an email)',
      description: 'Plain text up to 5,000 characters. `internal: true` (admins only) writes a note the customer never sees.',
      params: idParams,
      body: dtoSchema(PostMessageDto),
      response: { 201: messageSchema },
    },
  }, async (request: FastifyRequest<{ Body: PostMessageDto }>, reply) =>
    reply.status(201).send(await app.inbox.post(viewerOf(request), (request.params as { id: number }).id, request.body)),
  );

  app.get('/inbox/unread-count', {
    onRequest: app.requireUser,
    schema: {
      tags, security, summary: 'Unread messages for your side, and in how many threads',
      response: { 200: { type: 'object', required: ['unread', 'threads'], properties: { unread: { type: 'integer' }, threads: { type: 'integer' } } } },
    },
  }, async (request) => app.inbox.unreadCount(viewerOf(request)));
};
