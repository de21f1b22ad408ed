import fp from 'fastify-plugin';
import { HorizonClient } from '../lib/pi-platform/horizon-client';
import { PiClient } from '../lib/pi-platform/pi-client';
import { ConfigError } from '../config';

/** The Pi Platform as this app reaches it: one client for `PI_API_BASE_URL`, one for `PI_HORIZON_URL`. */
export interface PiPlatform {
  client: PiClient;
  horizon: HorizonClient;
  /** `PI_NETWORK`: the network every payment must be on. */
  network: string;
  /** `PI_APP_WALLET_ADDRESS`: the wallet every user-to-app payment must pay. */
  appWallet: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    piPlatform: PiPlatform;
  }
}

/**
 * The only way the API talks to Pi (accounts for `/v2/me`, payments for everything else):
 * typed clients with timeouts and bounded retries, never the sandbox's code.
 */
export default fp(
  async (app) => {
    const { pi } = app.config;
    app.decorate('piPlatform', {
      client: new PiClient({ baseUrl: pi.apiBaseUrl, apiKey: pi.apiKey, timeoutMs: pi.apiTimeoutMs }),
      horizon: new HorizonClient({ baseUrl: pi.horizonUrl, timeoutMs: pi.apiTimeoutMs }),
      network: pi.network,
      appWallet: pi.appWalletAddress,
    });
    // Pi's ledgers use the network's name as their passphrase. A Horizon of another network
    // would refuse every completion: stop the start. A ledger that cannot be reached now only
    // warns (payments wait for it); the mounted sandbox is not listening yet and is ours anyway.
    if (!pi.horizonIsMountedSandbox) {
      app.addHook('onReady', async () => {
        // One short try: a ledger that is down must not hold the start up.
        const probe = new HorizonClient({ baseUrl: pi.horizonUrl, timeoutMs: Math.min(pi.apiTimeoutMs, 3000), retries: 0 });
        const passphrase = await probe.networkPassphrase().catch((err: Error) => {
          app.log.warn({ err }, `Pi ledger at ${pi.horizonUrl} not reachable at start; its network is checked with each payment`);
          return null;
        });
        if (passphrase !== null && passphrase !== pi.network) {
          throw new ConfigError([{ key: 'PI_HORIZON_URL', message: `is a "${passphrase}" ledger but PI_NETWORK is "${pi.network}"` }]);
        }
      });
    }
  },
  { name: 'pi-platform', dependencies: ['config'] },
);
