import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Sandbox } from '../core/sandbox';
import type { SandboxCall } from '../types';
import { errorBody } from './context';

const answerDelays = new WeakMap<FastifyRequest, number>();
const loggedCalls = new WeakMap<FastifyRequest, SandboxCall>();

/** A fault may name the route pattern or the concrete path, with or without the mount prefix. */
export function faultPaths(request: FastifyRequest, mountPrefix: string): string[] {
  const concrete = request.url.split('?')[0];
  const pattern = request.routeOptions.url ?? concrete;
  return [concrete, pattern, strip(concrete, mountPrefix), strip(pattern, mountPrefix)];
}

const strip = (path: string, prefix: string) => (prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path);

/**
 * Delay faults for every route of `scope`: `before` holds the request before it runs, `after`
 * holds its answer. Both wait on the sandbox clock, so advancing it releases them.
 */
export function delayHooks(scope: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  scope.addHook('preHandler', async (request) => {
    const delay = sandbox.faults.takeDelay(request.method, faultPaths(request, mountPrefix));
    if (delay?.when === 'before') await sandbox.clock.sleep(delay.delayMs);
    else if (delay) answerDelays.set(request, delay.delayMs);
  });
  scope.addHook('onSend', async (request) => {
    const ms = answerDelays.get(request);
    if (ms) await sandbox.clock.sleep(ms);
  });
}

/**
 * The Platform API's test seams, in the order a call meets them: it is logged, delayed, slowed by
 * `latencyMs`, and may be answered by an injected error before the key check or the route runs.
 */
export function platformHooks(v2: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  v2.addHook('onRequest', async (request) => {
    const [concrete, pattern] = faultPaths(request, mountPrefix).slice(2);
    const at = sandbox.clock.now().toISOString();
    loggedCalls.set(request, sandbox.calls.record({ method: request.method, path: concrete, route: pattern, at }));
  });
  v2.addHook('onResponse', async (request, reply) => {
    const call = loggedCalls.get(request);
    if (call) call.status = reply.statusCode;
  });
  delayHooks(v2, sandbox, mountPrefix);
  v2.addHook('preHandler', async (request, reply) => {
    await sandbox.clock.sleep(sandbox.faults.latencyMs);
    const fault = sandbox.faults.takePlatformError(request.method, faultPaths(request, mountPrefix));
    if (fault) {
      const message = fault.error_message ?? `Injected fault: ${fault.error}`;
      if (fault.format === 'html') {
        return reply.status(fault.status).type('text/html; charset=utf-8').send(`<!DOCTYPE html><html><head><title>${fault.status} ${fault.error}</title></head><body><h1>${fault.status}</h1><p>${fault.error}</p></body></html>`);
      }
      return reply.status(fault.status).send(errorBody(fault.error, message));
    }
  });
}
