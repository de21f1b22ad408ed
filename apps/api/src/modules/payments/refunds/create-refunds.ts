import type { DataSource } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import type { DomainEvents } from '../../../lib/domain-events';
import type { Secret } from '../../../lib/secret';
import type { PiPlatform } from '../../../plugins/pi-platform';
import type { PaymentLeases } from '../payment-lease';
import type { PaymentStore } from '../payment-store';
import { RefundLedger } from './refund-ledger';
import { RefundProcessor } from './refund-processor';
import { RefundStore, type RefundStoreDeps } from './refund-store';
import { refundWallet } from './refund-wallet';
import { RefundsService } from './refunds.service';

export interface RefundsWiring {
  ds: DataSource;
  piPlatform: PiPlatform;
  /** `PI_WALLET_PRIVATE_SEED`: without it (or with another wallet's), refunds are off and say why. */
  walletSeed: Secret | undefined;
  store: PaymentStore;
  leases: PaymentLeases;
  events: DomainEvents;
  postSystem: RefundStoreDeps['postSystem'];
  notify: RefundStoreDeps['notify'];
  log: FastifyBaseLogger;
}

/** Refunds, assembled from the payments module's parts (its store, its leases) and the Pi platform. */
export function createRefunds(w: RefundsWiring): RefundsService {
  const wallet = refundWallet(w.walletSeed, w.piPlatform.appWallet);
  if (!wallet.availability.enabled) w.log.warn(wallet.availability.reason ?? 'refunds are off');
  const store = new RefundStore({ ds: w.ds, payments: w.store, events: w.events, postSystem: w.postSystem, notify: w.notify });
  const processor = new RefundProcessor({
    pi: w.piPlatform.client,
    ledger: new RefundLedger(w.piPlatform.horizon, wallet, w.piPlatform.network),
    wallet,
    store,
    leases: w.leases,
    network: w.piPlatform.network,
    log: w.log,
  });
  return new RefundsService({ ds: w.ds, store, processor, wallet, pi: w.piPlatform.client, log: w.log });
}
