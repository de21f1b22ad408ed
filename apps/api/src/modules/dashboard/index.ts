import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { DashboardService } from './dashboard.service';
import { dashboardAdminRoutes } from './dashboard.admin-routes';

/** The back office's dashboard: figures read from orders, payments and inbox through their ports. */
export default fp(
  async (app) => {
    const dashboard = new DashboardService({
      revenueByDay: (w) => app.orderStats.revenueByDay(w),
      ordersByStatus: (w) => app.orderStats.countByStatus(w),
      latestOrders: (n) => app.orderStats.latest(n),
      paymentAttention: (now) => app.paymentStats.attention(now),
      unread: () => app.inbox.unreadCount({ id: 0, role: 'admin' }),
    });
    await app.register(dashboardAdminRoutes, { prefix: `${API_PREFIX}/admin`, dashboard });
  },
  { name: 'dashboard', dependencies: ['auth', 'orders', 'payments', 'inbox'] },
);
