// Compiled (never run) against the generated schema: if a path, parameter or field these
// partner calls use disappears or changes type, the typecheck fails.
import { createPishopClient, verifyWebhookSignature, type Answer } from '../src';

export async function partnerCalls(baseUrl: string, apiKey: string, customerId: number, secret: string, rawBody: string, signature: string) {
  const shop = createPishopClient({ baseUrl, token: apiKey });
  const { data: services } = await shop.GET('/api/v1/services', { params: { query: { page: 1, pageSize: 20 } } });
  const first: string | undefined = services?.items[0]?.slug;
  const total: number | undefined = services?.total;
  const { data: created, error } = await shop.POST('/api/v1/orders/checkout', {
    body: { serviceSlug: first ?? 'logo-design' },
    headers: { 'X-Customer-Id': String(customerId) },
  });
  const orderNumber: string | undefined = created?.order.number;
  const amountPi: string | undefined = created?.payment.amount;
  const ok: boolean = await verifyWebhookSignature(secret, rawBody, signature);
  const page: Answer<'/api/v1/services'> | undefined = services;
  return { first, total, orderNumber, amountPi, error, ok, page };
}
