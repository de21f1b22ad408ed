import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

// src/sdk/sdk.js next to the sources under jest; the build copies it to dist/sdk/sdk.js.
const SDK_PATH = join(__dirname, '..', 'sdk', 'sdk.js');

/** The browser SDK stand-in; it finds the sandbox from the URL it is served at. */
export function sdkRoute(app: FastifyInstance): void {
  const source = readFileSync(SDK_PATH, 'utf8');
  app.get('/sdk.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(source),
  );
}
