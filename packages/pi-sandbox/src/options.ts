import {
  PI_NETWORK_NAMES,
  PI_SANDBOX_DEV_APP_WALLET_SEED,
  PI_TESTNET,
  type PiNetworkName,
  isPiNetworkName,
} from '@pishop/pi-protocol';
import { isAccountId, isSecretSeed, keypairFromSeed } from './core/stellar';

export { PI_SANDBOX_DEV_API_KEY, PI_SANDBOX_DEV_APP_WALLET_ADDRESS, PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-protocol';

export interface PiSandboxOptions {
  /** The only server API key the Platform API accepts (`Authorization: Key <apiKey>`). */
  apiKey: string;
  /**
   * The app wallet's secret seed (`S…`); the wallet address is its public key. Transactions the
   * app submits to the ledger must be signed with it. Default PI_SANDBOX_DEV_APP_WALLET_SEED.
   */
  appWalletSeed?: string;
  /**
   * @deprecated A receive-only app wallet, for callers that know only the address: user-to-app
   * payments work, but nothing can sign the app's own transactions (A2U). Use `appWalletSeed`.
   */
  appWalletAddress?: string;
  /** `'Pi Network'` (Mainnet) or `'Pi Testnet'`: payments' `network` and the ledger's passphrase. Default 'Pi Testnet'. */
  network?: string;
  /** The approval window: Pi cancels a payment not approved, or approved but not signed, this long after. Default 60000. */
  approvalTimeoutMs?: number;
  /** How often the SDK re-invokes an unanswered server-side callback. Default 10000. */
  callbackRetryMs?: number;
  /** The wallet/test control API; false makes every /control route answer 404. Default true. */
  enableControl?: boolean;
  /** Standalone server only: Fastify's logger. The mounted plugin logs through its parent. */
  logger?: boolean;
}

export interface ResolvedOptions {
  apiKey: string;
  appWalletSeed: string;
  /** The app wallet: the seed's public key, or the deprecated receive-only address. */
  appWalletAddress: string;
  network: PiNetworkName;
  approvalTimeoutMs: number;
  callbackRetryMs: number;
  enableControl: boolean;
}

/** Validates once at registration: a misconfigured sandbox must not start half-working. */
export function resolveOptions(opts: PiSandboxOptions): ResolvedOptions {
  if (typeof opts.apiKey !== 'string' || opts.apiKey.trim() === '') {
    throw new Error('pi-sandbox: options.apiKey must be a non-empty string');
  }
  const seed = opts.appWalletSeed ?? PI_SANDBOX_DEV_APP_WALLET_SEED;
  if (typeof seed !== 'string' || !isSecretSeed(seed)) {
    throw new Error('pi-sandbox: options.appWalletSeed must be a Stellar secret seed (56 characters starting with "S")');
  }
  const address = opts.appWalletAddress ?? keypairFromSeed(seed).publicKey();
  if (!isAccountId(address)) throw new Error(`pi-sandbox: options.appWalletAddress ${address} is not a Pi wallet address`);
  if (opts.appWalletSeed && opts.appWalletAddress && keypairFromSeed(seed).publicKey() !== address) {
    throw new Error("pi-sandbox: options.appWalletAddress is not the public key of options.appWalletSeed");
  }
  const network = opts.network ?? PI_TESTNET;
  if (!isPiNetworkName(network)) {
    throw new Error(`pi-sandbox: options.network must be ${PI_NETWORK_NAMES.map((n) => `"${n}"`).join(' or ')}, got "${network}"`);
  }
  return {
    apiKey: opts.apiKey,
    appWalletSeed: seed,
    appWalletAddress: address,
    network,
    approvalTimeoutMs: positiveInt('approvalTimeoutMs', opts.approvalTimeoutMs, 60_000),
    callbackRetryMs: positiveInt('callbackRetryMs', opts.callbackRetryMs, 10_000),
    enableControl: opts.enableControl ?? true,
  };
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`pi-sandbox: options.${name} must be a positive integer (ms), got ${value}`);
  }
  return value;
}
