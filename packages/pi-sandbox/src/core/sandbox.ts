import type { ResolvedOptions } from '../options';
import { Faults } from './faults';
import { isWalletAddress, newWalletAddress } from './ids';
import { Ledger } from './ledger';
import { Payments } from './payments';
import { Users } from './users';

/** Everything one sandbox instance remembers; it lives as long as its Fastify context. */
export interface Sandbox {
  options: ResolvedOptions;
  users: Users;
  payments: Payments;
  ledger: Ledger;
  faults: Faults;
  close(): void;
}

export function createSandbox(options: ResolvedOptions): Sandbox {
  const appWallet = options.appWalletAddress ?? newWalletAddress();
  if (!isWalletAddress(appWallet)) {
    throw new Error(`pi-sandbox: appWalletAddress ${appWallet} is not a valid Pi/Stellar account id`);
  }
  const ledger = new Ledger();
  const payments = new Payments(ledger, options, appWallet);
  return { options, users: new Users(), payments, ledger, faults: new Faults(), close: () => payments.close() };
}
