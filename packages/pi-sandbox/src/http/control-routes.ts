import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PiError, invalidArguments } from '../core/errors';
import { isObject } from '../core/json';
import type { Sandbox } from '../core/sandbox';
import type { SandboxConfig } from '../types';
import { userForToken } from './auth';
import { toPaymentDto, toSandboxUser } from './dto';
import { linksFor } from './links';

type ById = { Params: { id: string } };
type ByUid = { Params: { uid: string } };

/**
 * What Pi Browser and the Pioneer's wallet do, plus test hooks (expiry, faults). Tokens travel
 * in the body, as the SDK holds them; this API is never registered when control is disabled.
 */
export function controlRoutes(app: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  const { users, payments, faults, options } = sandbox;
  const dto = (request: FastifyRequest, id: string) => toPaymentDto(payments.get(id), linksFor(request, mountPrefix));
  const userOr404 = (uid: string) => {
    const user = users.find(uid);
    if (!user) throw new PiError(404, 'user_not_found', `User ${uid} was not found`);
    return user;
  };

  app.post('/control/users', async (request, reply) => {
    const signedIn = users.signIn(body(request).username);
    return reply.status(signedIn.created ? 201 : 200).send(toSandboxUser(signedIn));
  });
  app.post<ByUid>('/control/users/:uid/tokens', async (request) =>
    toSandboxUser(users.issueToken(userOr404(request.params.uid))),
  );
  app.get<ByUid>('/control/users/:uid/incomplete', async (request) => {
    const payment = payments.incompleteFor(userOr404(request.params.uid).uid);
    return { payment: payment ? toPaymentDto(payment, linksFor(request, mountPrefix)) : null };
  });

  app.post('/control/payments', async (request, reply) => {
    const { accessToken, amount, memo, metadata } = body(request);
    const payment = payments.create(userForToken(users, accessToken).user, { amount, memo, metadata });
    return reply.status(201).send(toPaymentDto(payment, linksFor(request, mountPrefix)));
  });
  app.get<ById>('/control/payments/:id', async (request) => dto(request, request.params.id));
  app.post<ById>('/control/payments/:id/submit', async (request) => ({
    txid: payments.submit(request.params.id).hash,
  }));
  app.post<ById>('/control/payments/:id/user-cancel', async (request) => {
    payments.userCancel(request.params.id);
    return dto(request, request.params.id);
  });
  app.post<ById>('/control/payments/:id/expire', async (request) => {
    payments.expire(request.params.id);
    return dto(request, request.params.id);
  });

  app.get('/control/config', async (): Promise<SandboxConfig> => ({
    network: options.network,
    approvalTimeoutMs: options.approvalTimeoutMs,
    callbackRetryMs: options.callbackRetryMs,
    faults: faults.snapshot(),
  }));
  app.get('/control/faults', async () => faults.snapshot());
  app.post('/control/faults', async (request) => faults.set(request.body));
  app.delete('/control/faults', async (_request, reply) => {
    faults.reset();
    return reply.status(204).send();
  });
}

function body(request: FastifyRequest): Record<string, unknown> {
  if (request.body === undefined) return {};
  if (!isObject(request.body)) throw invalidArguments('Request body must be a JSON object');
  return request.body;
}
