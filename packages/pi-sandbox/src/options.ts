/** The fixed development key, accepted when `PI_API_KEY` is unset (named in `.env.example`). */
export const PI_SANDBOX_DEV_API_KEY = 'pi-sandbox-dev-key';

export interface PiSandboxOptions {
  /** The only server API key the Platform API accepts (`Authorization: Key <apiKey>`). */
  apiKey: string;
  /** Pi cancels a payment the app did not approve within this time. Default 60000. */
  approvalTimeoutMs?: number;
  /** How often the SDK re-invokes an unanswered server-side callback. Default 10000. */
  callbackRetryMs?: number;
  /** The payment's `network` field. Default 'Pi Testnet'. */
  network?: string;
  /** The app wallet (payments' `to_address`); a fresh valid address when unset. */
  appWalletAddress?: string;
  /** The wallet/test control API; false makes every /control route answer 404. Default true. */
  enableControl?: boolean;
  /** Standalone server only: Fastify's logger. The mounted plugin logs through its parent. */
  logger?: boolean;
}

export interface ResolvedOptions {
  apiKey: string;
  approvalTimeoutMs: number;
  callbackRetryMs: number;
  network: string;
  appWalletAddress?: string;
  enableControl: boolean;
}

/** Validates once at registration: a misconfigured sandbox must not start half-working. */
export function resolveOptions(opts: PiSandboxOptions): ResolvedOptions {
  if (typeof opts.apiKey !== 'string' || opts.apiKey.trim() === '') {
    throw new Error('pi-sandbox: options.apiKey must be a non-empty string');
  }
  return {
    apiKey: opts.apiKey,
    approvalTimeoutMs: positiveInt('approvalTimeoutMs', opts.approvalTimeoutMs, 60_000),
    callbackRetryMs: positiveInt('callbackRetryMs', opts.callbackRetryMs, 10_000),
    network: opts.network ?? 'Pi Testnet',
    appWalletAddress: opts.appWalletAddress,
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
