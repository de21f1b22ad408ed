import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/app-error';
import { dtoSchema } from '../../lib/validation';
import { PiWebhookDto } from './payments.dto';
import { callbackResultSchema } from './payments.views';
import { errorResponses } from './route-helpers';

export const WEBHOOK_SIGNATURE_HEADER = 'x-pi-signature';

const rawBodies = new WeakMap<FastifyRequest, string>();

/** Hex HMAC-SHA256 of the raw body with the shared secret (what callers put in X-Pi-Signature). */
export function signWebhookBody(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

/** Constant-time check; accepts `<hex>` or `sha256=<hex>`. */
export function isValidSignature(secret: string, rawBody: string, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const given = header.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
  const expected = Buffer.from(signWebhookBody(secret, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/**
 * `POST /pi/webhook`: an authenticated intake for our own tools and jobs (Pi itself sends no
 * webhooks). The signature covers the exact bytes received, so this context parses JSON itself
 * and keeps the raw body. The payment is always re-read from Pi; the body only names it.
 */
export const piWebhookRoutes: FastifyPluginAsync = async (app) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    rawBodies.set(request, text);
    try {
      done(null, text.trim() === '' ? undefined : JSON.parse(text));
    } catch {
      // Judged after the signature: an unsigned request must learn nothing about our parser.
      done(null, { __invalidJson: true });
    }
  });

  app.post('/pi/webhook', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['payments'],
      summary: 'Signed payment intake for our own tools and jobs',
      description:
        'Body `{paymentId, event?}`, header `X-Pi-Signature: <hex HMAC-SHA256 of the raw body with PI_WEBHOOK_SECRET>`. ' +
        'The payment is re-read from Pi and settled like a sync. 401 PI_WEBHOOK_SIGNATURE_INVALID (recorded), 503 PI_WEBHOOK_DISABLED when no secret is set.',
      headers: { type: 'object', properties: { 'x-pi-signature': { type: 'string' } } },
      body: dtoSchema(PiWebhookDto),
      response: { 200: callbackResultSchema, ...errorResponses },
    },
    preValidation: async (request) => {
      const secret = app.config.pi.webhookSecret;
      if (!secret) throw new AppError('PI_WEBHOOK_DISABLED', 'The webhook is disabled: PI_WEBHOOK_SECRET is not set');
      const raw = rawBodies.get(request) ?? '';
      if (!isValidSignature(secret, raw, request.headers[WEBHOOK_SIGNATURE_HEADER])) {
        const body = request.body as { paymentId?: unknown } | undefined;
        const piPaymentId = typeof body?.paymentId === 'string' ? body.paymentId.slice(0, 100) : null;
        // An unsigned caller must not be able to fill the audit log: record what was refused, not its body.
        request.log.warn({ bytes: raw.length, piPaymentId }, 'payments: webhook refused (bad or missing signature)');
        await app.payments.recordRefusal('webhook', piPaymentId, { bytes: raw.length, sha256: sha256(raw), signatureGiven: typeof request.headers[WEBHOOK_SIGNATURE_HEADER] === 'string' }, 'PI_WEBHOOK_SIGNATURE_INVALID', 'Webhook refused: bad or missing X-Pi-Signature');
        throw new AppError('PI_WEBHOOK_SIGNATURE_INVALID', 'Bad or missing X-Pi-Signature');
      }
      if ((request.body as { __invalidJson?: boolean } | undefined)?.__invalidJson) {
        throw new AppError('BAD_REQUEST', 'The body is not valid JSON');
      }
    },
  }, async (request: FastifyRequest<{ Body: PiWebhookDto }>) => {
    const raw = rawBodies.get(request) ?? '';
    return app.payments.webhook(request.body.paymentId, safeJson(raw));
  });
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
