import { buildTestApp, type TestApp } from '../support/app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('documents the pinned order, payment and inbox paths', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/orders/checkout', '/api/v1/orders', '/api/v1/orders/{number}', '/api/v1/payments/{id}',
      '/api/v1/pi/approve', '/api/v1/pi/complete', '/api/v1/pi/cancel', '/api/v1/pi/incomplete', '/api/v1/pi/webhook',
      '/api/v1/inbox/threads', '/api/v1/inbox/threads/{id}', '/api/v1/inbox/threads/{id}/messages', '/api/v1/inbox/unread-count',
      '/api/v1/admin/orders', '/api/v1/admin/payments', '/api/v1/admin/payments/{id}/sync', '/api/v1/admin/payment-events', '/api/v1/admin/threads', '/api/v1/admin/messages',
      '/api/v1/admin/payments/{id}/refund', '/api/v1/admin/refunds', '/api/v1/admin/refunds/{id}', '/api/v1/admin/refunds/availability',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
