import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Sandbox } from '../core/sandbox';
import { isObject } from '../core/json';
import { errorBody } from './context';
import { requireAccessToken, requireServerKey } from './auth';
import { toPaymentDto, toUserDto } from './dto';
import { linksFor } from './links';

type ById = { Params: { id: string } };

/** Pi Platform API v2 (api.minepi.com/v2), with the faults tests injected in front of it. */
export function platformRoutes(app: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  const { payments, users, options } = sandbox;
  const dto = (request: FastifyRequest, id: string) => toPaymentDto(payments.get(id), linksFor(request, mountPrefix));

  app.register(async (v2) => {
    v2.addHook('preHandler', async (request, reply) => {
      if (sandbox.faults.latencyMs > 0) await sleep(sandbox.faults.latencyMs, undefined, { ref: false });
      const fault = sandbox.faults.takePlatformError(request.method, faultPaths(request, mountPrefix));
      if (fault) {
        const message = fault.error_message ?? `Injected fault: ${fault.error}`;
        return reply.status(fault.status).send(errorBody(fault.error, message));
      }
    });

    v2.get('/v2/me', async (request) => toUserDto(requireAccessToken(request, users)));

    v2.register(async (server) => {
      server.addHook('preHandler', async (request) => requireServerKey(request, options.apiKey));
      // Only user-to-app payments exist here, so no server (A2U) payment is ever incomplete.
      server.get('/v2/payments/incomplete_server_payments', async () => ({ incomplete_server_payments: [] }));
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

/** A fault may name the route pattern or the concrete path, with or without the mount prefix. */
function faultPaths(request: FastifyRequest, mountPrefix: string): string[] {
  const concrete = request.url.split('?')[0];
  const pattern = request.routeOptions.url ?? concrete;
  const strip = (path: string) => (path.startsWith(mountPrefix) ? path.slice(mountPrefix.length) : path);
  return [concrete, pattern, strip(concrete), strip(pattern)];
}
