import fp from 'fastify-plugin';
import { HorizonClient } from '../lib/pi-platform/horizon-client';
import { PiClient } from '../lib/pi-platform/pi-client';

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
  },
  { name: 'pi-platform', dependencies: ['config'] },
);
