import path from 'node:path';
import dotenv from 'dotenv';
import { loadConfig, type AppConfig } from './config';
import { ROOT_DIR } from './paths';

export * from './config';
export { ensureJwtSecret } from './secrets';
export type { TrustProxy } from './network';
export { ROOT_DIR, API_DIR } from './paths';

/** Reads `.env` from the repository root (real env vars win) and validates it. */
export function loadConfigFromEnvFile(): AppConfig {
  dotenv.config({ path: path.join(ROOT_DIR, '.env'), quiet: true });
  return loadConfig(process.env, ROOT_DIR);
}
