import { PI_SANDBOX_DEV_API_KEY } from './options';
import { buildPiSandbox } from './server';

const DEFAULT_PORT = 3100;

function port(): number {
  const raw = process.env.PI_SANDBOX_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`PI_SANDBOX_PORT must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const apiKey = process.env.PI_API_KEY || PI_SANDBOX_DEV_API_KEY;
  const app = buildPiSandbox({ apiKey, logger: true });
  const address = await app.listen({ port: port(), host: process.env.PI_SANDBOX_HOST ?? '127.0.0.1' });
  app.log.info(`Pi sandbox listening at ${address} (SDK at ${address}/sdk.js)`);
  if (apiKey === PI_SANDBOX_DEV_API_KEY) app.log.warn('PI_API_KEY is unset: accepting the development key');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
