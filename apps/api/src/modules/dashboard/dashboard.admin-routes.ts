import type { FastifyPluginAsync } from 'fastify';
import { dtoSchema } from '../../lib/validation';
import { AdminStatsQueryDto } from './dashboard.dto';
import type { DashboardService } from './dashboard.service';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const counts = (keys: string[]) => ({ type: 'object', properties: Object.fromEntries(keys.map((k) => [k, int])) });

const statsSchema = {
  type: 'object',
  title: 'AdminStats',
  properties: {
    from: str, to: str, interval: str,
    revenue: {
      type: 'object',
      properties: {
        points: { type: 'array', items: { type: 'object', properties: { period: str, orders: int, eurCents: int, pi: str } } },
        total: { type: 'object', properties: { orders: int, eurCents: int, pi: str } },
      },
    },
    ordersByStatus: counts(['pending', 'paid', 'cancelled']),
    payments: counts(['stale', 'flagged', 'mismatchedToday', 'failedToday']),
    inbox: counts(['unreadMessages', 'unreadThreads']),
    latestOrders: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: int, number: str, status: str, totalEurCents: int, totalPi: str, customerId: int,
          customerName: str, customerEmail: { type: ['string', 'null'] }, createdAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
} as const;

/** `GET /admin/stats`: the dashboard's figures in one call. */
export const dashboardAdminRoutes: FastifyPluginAsync<{ dashboard: DashboardService }> = async (app, { dashboard }) => {
  app.get('/stats', {
    onRequest: app.requireAdmin,
    schema: {
      tags: ['admin: dashboard'], security: [{ bearerAuth: [] }],
      summary: 'Dashboard figures: revenue (EUR and π) per day/week/month, orders by status, payments needing attention, unread threads, latest orders',
      description: 'Revenue counts paid orders by the UTC day they were paid; weeks start on Monday. Periods up to 731 days.',
      querystring: dtoSchema(AdminStatsQueryDto),
      response: { 200: statsSchema },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return dashboard.stats(request.query as AdminStatsQueryDto);
  });
};
