import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DtoValidationError, dtoSchema } from '../../lib/validation';
import type { PaymentEventSource } from '@pishop/shared';
import { PiApproveDto, PiCancelDto, PiCompleteDto, PiIncompleteDto } from './payments.dto';
import { callbackResultSchema } from './payments.views';
import { actorOf, errorResponses, rawPayloadOf, stashRawPayload } from './route-helpers';

const tags = ['payments'];
const SOURCES: Record<string, PaymentEventSource> = {
  '/api/v1/pi/approve': 'approve',
  '/api/v1/pi/complete': 'complete',
  '/api/v1/pi/cancel': 'cancel',
  '/api/v1/pi/incomplete': 'incomplete',
};
const security = [{ bearerAuth: [] }];
/** A callback names one payment: 16 kB is plenty (the SDK's PaymentDTO included). */
const bodyLimit = 16 * 1024;

/**
 * The Pi SDK's server-side callbacks, for the signed-in customer. Each re-reads the payment
 * from Pi and answers with our payment's current state; repeats are answered the same way.
 */
export const piRoutes: FastifyPluginAsync = async (app: FastifyInstance) => {
  app.addHook('preValidation', stashRawPayload);
  // A malformed callback from a signed-in caller is refused by validation before any handler
  // runs; it is still a callback, so it is audited too.
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof DtoValidationError) || !request.viewer) return;
    const source = SOURCES[request.routeOptions.url ?? ''];
    if (!source) return;
    const raw = rawPayloadOf(request) as { paymentId?: unknown; payment?: { identifier?: unknown } } | null;
    const id = typeof raw?.paymentId === 'string' ? raw.paymentId : typeof raw?.payment?.identifier === 'string' ? raw.payment.identifier : null;
    await app.payments
      .recordRefusal(source, id, raw, 'VALIDATION_FAILED', `Malformed ${source} callback: ${error.message}`, actorOf(request))
      .catch((err) => request.log.error({ err }, 'payments: could not record a refused callback'));
  });
  const response = { 200: callbackResultSchema, ...errorResponses };

  app.post('/pi/approve', {
    onRequest: app.requireUser,
    bodyLimit,
    schema: {
      tags, security, body: dtoSchema(PiApproveDto), response,
      summary: 'Approve a Pi payment (SDK onReadyForServerApproval)',
      description: 'Reads the payment from Pi, checks it against the order snapshot (order number, amount, payer, direction, network), then approves it with Pi. 404 PI_PAYMENT_NOT_FOUND, 403 PAYMENT_FORBIDDEN, 422 PAYMENT_*_MISMATCH, 409 ORDER_ALREADY_PAID, 503 PI_UNAVAILABLE.',
    },
  }, async (request: FastifyRequest<{ Body: PiApproveDto }>) =>
    app.payments.approve(actorOf(request), request.body.paymentId, rawPayloadOf(request)),
  );

  app.post('/pi/complete', {
    onRequest: app.requireUser,
    bodyLimit,
    schema: {
      tags, security, body: dtoSchema(PiCompleteDto), response,
      summary: 'Complete a Pi payment (SDK onReadyForServerCompletion)',
      description: 'Checks the txid against Pi and the ledger, then completes the payment with Pi; the order is paid only after Pi answers 2xx. 422 PAYMENT_TXID_MISMATCH / PAYMENT_LEDGER_MISMATCH, 409 PAYMENT_NOT_READY, 503 PI_UNAVAILABLE (nothing changed; settled automatically later).',
    },
  }, async (request: FastifyRequest<{ Body: PiCompleteDto }>) =>
    app.payments.complete(actorOf(request), request.body.paymentId, request.body.txid, rawPayloadOf(request)),
  );

  app.post('/pi/cancel', {
    onRequest: app.requireUser,
    bodyLimit,
    schema: {
      tags, security, body: dtoSchema(PiCancelDto), response,
      summary: 'Report a cancelled Pi payment (SDK onCancel)',
      description: 'The payment fails unless Pi already has its transaction; a confirmed payment and a paid order never change.',
    },
  }, async (request: FastifyRequest<{ Body: PiCancelDto }>) =>
    app.payments.cancel(actorOf(request), request.body.paymentId, rawPayloadOf(request)),
  );

  app.post('/pi/incomplete', {
    onRequest: app.requireUser,
    bodyLimit,
    schema: {
      tags, security, body: dtoSchema(PiIncompleteDto), response,
      summary: 'Settle an incomplete Pi payment (SDK onIncompletePaymentFound)',
      description: "Only the payment's identifier is taken from the body; the payment is re-read from Pi, verified on the ledger and completed.",
    },
  }, async (request: FastifyRequest<{ Body: PiIncompleteDto }>) => {
    const { identifier, transaction } = request.body.payment;
    return app.payments.incomplete(actorOf(request), identifier, transaction?.txid, rawPayloadOf(request));
  });

};
