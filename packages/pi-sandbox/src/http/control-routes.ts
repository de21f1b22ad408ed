import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PiError, invalidArguments } from '../core/errors';
import { isObject } from '../core/json';
import type { Sandbox } from '../core/sandbox';
import { walletSubmit } from '../core/wallet';
import type { SandboxCall, SandboxClockState, SandboxConfig } from '../types';
import { userForToken } from './auth';
import { toPaymentDto, toSandboxUser } from './payment-dto';
import { linksFor } from './links';

type ById = { Params: { id: string } };
type ByUid = { Params: { uid: string } };
type CallsQuery = { Querystring: { method?: string; path?: string } };

/**
 * What Pi Browser and the Pioneer's wallet do, plus test hooks (clock, call log, expiry, faults).
 * Tokens travel in the body, as the SDK holds them; this API is never registered when control is disabled.
 */
export function controlRoutes(app: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  const { users, payments, faults, options, clock, calls } = sandbox;
  const dto = (request: FastifyRequest, id: string) => toPaymentDto(payments.get(id), linksFor(request, mountPrefix));
  const userOr404 = (uid: string) => {
    const user = users.find(uid);
    if (!user) throw new PiError(404, 'user_not_found', `User ${uid} was not found`);
    return user;
  };

  app.post('/control/users', async (request, reply) => {
    const { username, scopes } = body(request);
    const signedIn = users.signIn(username, scopes);
    return reply.status(signedIn.created ? 201 : 200).send(toSandboxUser(signedIn));
  });
  app.get<ByUid>('/control/users/:uid', async (request) => {
    const { uid, username, walletAddress } = userOr404(request.params.uid);
    return { uid, username, walletAddress };
  });
  app.post<ByUid>('/control/users/:uid/tokens', async (request) =>
    toSandboxUser(users.issueToken(userOr404(request.params.uid), body(request).scopes)),
  );
  app.get<ByUid>('/control/users/:uid/incomplete', async (request) => {
    const payment = payments.incompleteFor(userOr404(request.params.uid).uid, faults.reportApprovedIncomplete);
    return { payment: payment ? toPaymentDto(payment, linksFor(request, mountPrefix)) : null };
  });

  app.post('/control/payments', async (request, reply) => {
    const { accessToken, amount, memo, metadata } = body(request);
    const payment = payments.createUserToApp(userForToken(users, accessToken).user, { amount, memo, metadata });
    return reply.status(201).send(toPaymentDto(payment, linksFor(request, mountPrefix)));
  });
  app.get<ById>('/control/payments/:id', async (request) => dto(request, request.params.id));
  app.post<ById>('/control/payments/:id/submit', async (request) => ({
    txid: walletSubmit(sandbox, request.params.id, () => faults.takeBadTransaction()).hash,
  }));
  app.post<ById>('/control/payments/:id/user-cancel', async (request) => {
    payments.userCancel(request.params.id);
    return dto(request, request.params.id);
  });
  app.post<ById>('/control/payments/:id/expire', async (request) => {
    payments.expire(request.params.id);
    return dto(request, request.params.id);
  });

  const clockState = (): SandboxClockState => ({ now: clock.now().toISOString(), offsetMs: clock.offset, frozen: clock.frozen });
  app.get('/control/clock', async () => clockState());
  // Freezes or thaws, then moves the clock forward; what became due (expiries, held calls) happens before the answer.
  app.post('/control/clock', async (request) => {
    const { advanceMs = 0, freeze } = body(request);
    if (!Number.isSafeInteger(advanceMs) || (advanceMs as number) < 0) {
      throw invalidArguments('advanceMs must be an integer >= 0 (milliseconds)');
    }
    if (freeze !== undefined && typeof freeze !== 'boolean') throw invalidArguments('freeze must be a boolean');
    if (freeze !== undefined) clock.freeze(freeze);
    clock.advance(advanceMs as number);
    return clockState();
  });

  app.get<CallsQuery>('/control/calls', async (request): Promise<SandboxCall[]> => calls.list(request.query));
  app.delete('/control/calls', async (_request, reply) => {
    calls.clear();
    return reply.status(204).send();
  });

  app.get('/control/config', async (): Promise<SandboxConfig> => ({
    network: options.network,
    appWalletAddress: sandbox.appWallet,
    approvalTimeoutMs: options.approvalTimeoutMs,
    callbackRetryMs: options.callbackRetryMs,
    now: clock.now().toISOString(),
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
