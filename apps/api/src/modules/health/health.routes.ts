import type { FastifyPluginAsync } from 'fastify';
import { checkHealth } from './health.service';

const healthSchema = {
  type: 'object',
  required: ['status', 'version', 'uptimeSeconds', 'database'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'] },
    version: { type: 'string' },
    uptimeSeconds: { type: 'number' },
    database: {
      type: 'object',
      required: ['status', 'driver'],
      properties: {
        status: { type: 'string', enum: ['up', 'down'] },
        driver: { type: 'string' },
        latencyMs: { type: 'number' },
        error: { type: 'string' },
      },
    },
  },
} as const;

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database status',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(app.db);
      return reply.status(health.status === 'ok' ? 200 : 503).header('Cache-Control', 'no-store').send(health);
    },
  );
};
