export { piSandboxPlugin } from './plugin';
export { buildPiSandbox } from './server';
export {
  PI_SANDBOX_DEV_API_KEY,
  PI_SANDBOX_DEV_APP_WALLET_ADDRESS,
  PI_SANDBOX_DEV_APP_WALLET_SEED,
  type PiSandboxOptions,
} from './options';
export { APP_WALLET_STARTING_BALANCE, USER_WALLET_STARTING_BALANCE } from './core/sandbox';
export { BASE_FEE_STROOPS } from './core/ledger';
export { PiSandboxClient, PiSandboxHttpError, type NewPaymentInput, type PlatformClient } from './client';
export type * from './types';
