import { Keypair, type Transaction } from '@stellar/stellar-sdk';
import type { RefundAvailability } from '@pishop/shared';
import { AppError } from '../../../lib/app-error';
import type { Secret } from '../../../lib/secret';

/**
 * The app wallet's signing key, for refunds. The key pair lives only in this closure: it is
 * never a property anything could log or serialise. Without a seed, or with a seed that is not
 * the app wallet's key, refunds are off and `availability` says why; nothing is ever sent then.
 */
export interface RefundWallet {
  readonly availability: RefundAvailability;
  /** Throws REFUNDS_DISABLED / REFUNDS_WALLET_MISMATCH (503) when refunds are off. */
  assertReady(): void;
  /** The wallet the key signs for (the app wallet when ready). */
  readonly publicKey: string | null;
  sign(tx: Transaction): void;
}

export function refundWallet(seed: Secret | undefined, appWallet: string): RefundWallet {
  const keypair = seed ? Keypair.fromSecret(seed.reveal()) : null;
  const publicKey = keypair?.publicKey() ?? null;
  const availability: RefundAvailability = !keypair
    ? {
        enabled: false,
        code: 'REFUNDS_DISABLED',
        reason: "Refunds are off: PI_WALLET_PRIVATE_SEED (the app wallet's secret seed) is not set on this server, so it cannot sign the refund transaction.",
        appWallet,
      }
    : publicKey !== appWallet
      ? {
          enabled: false,
          code: 'REFUNDS_WALLET_MISMATCH',
          reason: `Refunds are off: PI_WALLET_PRIVATE_SEED is not the app wallet's key (its public key is ${publicKey}, the app wallet is ${appWallet}).`,
          appWallet,
        }
      : { enabled: true, code: null, reason: null, appWallet };
  return {
    availability,
    publicKey,
    assertReady() {
      if (!availability.enabled && availability.code) throw new AppError(availability.code, availability.reason ?? 'Refunds are off');
    },
    sign(tx) {
      if (!keypair || !availability.enabled) throw new AppError(availability.code ?? 'REFUNDS_DISABLED', availability.reason ?? 'Refunds are off');
      tx.sign(keypair);
    },
  };
}
