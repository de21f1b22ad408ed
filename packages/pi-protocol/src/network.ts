/**
 * Pi's two networks. Each name is also the network passphrase its transactions are signed
 * with, and the `network` field of every PaymentDTO.
 */
export type PiNetworkName = 'Pi Network' | 'Pi Testnet';

export const PI_MAINNET: PiNetworkName = 'Pi Network';
export const PI_TESTNET: PiNetworkName = 'Pi Testnet';
export const PI_NETWORK_NAMES: readonly PiNetworkName[] = [PI_MAINNET, PI_TESTNET];

/** The Stellar network passphrase of each Pi network (the same text as its name). */
export const PI_NETWORK_PASSPHRASES: Readonly<Record<PiNetworkName, string>> = {
  'Pi Network': 'Pi Network',
  'Pi Testnet': 'Pi Testnet',
};

/** Pi's public Horizon servers, one per network. */
export const PI_HORIZON_URLS: Readonly<Record<PiNetworkName, string>> = {
  'Pi Network': 'https://api.mainnet.minepi.com',
  'Pi Testnet': 'https://api.testnet.minepi.com',
};

/** The Pi Platform API; its routes live under `/v2`. */
export const PI_PLATFORM_API_URL = 'https://api.minepi.com';

export const isPiNetworkName = (value: unknown): value is PiNetworkName =>
  value === PI_MAINNET || value === PI_TESTNET;

/** The Pi ledger's precision: one stroop is 0.0000001 π. */
export const PI_AMOUNT_DECIMALS = 7;
export const STROOPS_PER_PI = 10_000_000;
