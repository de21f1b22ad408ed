/*
 * Development defaults of the local Pi sandbox (@pishop/pi-sandbox), here so the API can default
 * to them without importing the sandbox. They are public: never use them with real π.
 */

/** The only server key the sandbox accepts when `PI_API_KEY` is unset. */
export const PI_SANDBOX_DEV_API_KEY = 'pi-sandbox-dev-key';

/** The sandbox app wallet's secret seed when `PI_SANDBOX_APP_WALLET_SEED` is unset. */
export const PI_SANDBOX_DEV_APP_WALLET_SEED = 'SCXVLTYHU26Z22AD6ZSCFBQPLE2YMHR32D2YYZWZCLKJG3AND5MPRBAD';

/** The public key (wallet address) of PI_SANDBOX_DEV_APP_WALLET_SEED. */
export const PI_SANDBOX_DEV_APP_WALLET_ADDRESS = 'GAFHXWARVPMCQPUK27GFTEFWUGITP4HZGHLDNRU6GBYIF6GKC76JO4W7';
