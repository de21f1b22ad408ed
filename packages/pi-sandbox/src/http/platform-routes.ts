import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncompleteServerPaymentsResponse } from '@pishop/pi-protocol';
import { userNotFound } from '../core/app-payments';
import { invalidArguments } from '../core/errors';
import { isObject } from '../core/json';
import type { Sandbox } from '../core/sandbox';
import { requireAccessToken, requireServerKey } from './auth';
import { platformHooks } from './fault-hooks';
import { toPaymentDto, toUserDto } from './payment-dto';
import { linksFor } from './links';

type ById = { Params: { id: string } };

/** Pi Platform API v2 (api.minepi.com/v2), with the test seams in front of it (call log, faults). */
export function platformRoutes(app: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  const { payments, users, options } = sandbox;
  const dto = (request: FastifyRequest, id: string) => toPaymentDto(payments.get(id), linksFor(request, mountPrefix));

  app.register(async (v2) => {
    platformHooks(v2, sandbox, mountPrefix);

    v2.get('/v2/me', async (request) => toUserDto(requireAccessToken(request, users)));

    v2.register(async (server) => {
      server.addHook('preHandler', async (request) => requireServerKey(request, options.apiKey));

      // App-to-User: the app pays a Pioneer (`{payment: {amount, memo, metadata, uid}}`).
      server.post('/v2/payments', async (request) => {
        const input = isObject(request.body) ? request.body.payment : undefined;
        if (!isObject(input)) throw invalidArguments('Body must be {"payment": {amount, memo, metadata, uid}}');
        const user = typeof input.uid === 'string' ? users.find(input.uid) : undefined;
        if (!user) throw userNotFound(input.uid);
        const payment = payments.createAppToUser(user, { amount: input.amount, memo: input.memo, metadata: input.metadata });
        return toPaymentDto(payment, linksFor(request, mountPrefix));
      });
      server.get('/v2/payments/incomplete_server_payments', async (request): Promise<IncompleteServerPaymentsResponse> => ({
        incomplete_server_payments: payments.openFor('app_to_user').map((p) => toPaymentDto(p, linksFor(request, mountPrefix))),
      }));
      server.get<ById>('/v2/payments/:id', async (request) => dto(request, request.params.id));
      server.post<ById>('/v2/payments/:id/approve', async (request) => {
        payments.approve(request.params.id);
        return dto(request, request.params.id);
      });
      server.post<ById>('/v2/payments/:id/complete', async (request) => {
        payments.complete(request.params.id, isObject(request.body) ? request.body.txid : undefined);
        return dto(request, request.params.id);
      });
      server.post<ById>('/v2/payments/:id/cancel', async (request) => {
        payments.cancel(request.params.id);
        return dto(request, request.params.id);
      });
    });
  });
}
