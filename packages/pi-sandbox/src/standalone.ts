import { PI_SANDBOX_DEV_API_KEY } from './options';
import { buildPiSandbox } from './server';

const DEFAULT_PORT = 3100;

function integerEnv(name: string, min: number, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

const nonEmpty = (name: string): string | undefined => process.env[name] || undefined;

async function main(): Promise<void> {
  const apiKey = nonEmpty('PI_API_KEY') ?? PI_SANDBOX_DEV_API_KEY;
  const app = buildPiSandbox({
    apiKey,
    appWalletSeed: nonEmpty('PI_SANDBOX_APP_WALLET_SEED'),
    network: nonEmpty('PI_NETWORK'),
    approvalTimeoutMs: integerEnv('PI_SANDBOX_APPROVAL_TIMEOUT_MS', 1, 2 ** 31 - 1),
    logger: true,
  });
  const port = integerEnv('PI_SANDBOX_PORT', 0, 65535) ?? DEFAULT_PORT;
  const address = await app.listen({ port, host: process.env.PI_SANDBOX_HOST ?? '127.0.0.1' });
  app.log.info(`Pi sandbox listening at ${address} (SDK at ${address}/sdk.js, Horizon at ${address}/ledger)`);
  if (apiKey === PI_SANDBOX_DEV_API_KEY) app.log.warn('PI_API_KEY is unset: accepting the development key');
  if (!nonEmpty('PI_SANDBOX_APP_WALLET_SEED')) app.log.warn('PI_SANDBOX_APP_WALLET_SEED is unset: the app wallet is the public development wallet');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
