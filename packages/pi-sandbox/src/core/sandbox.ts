import { PI_NETWORK_PASSPHRASES } from '@pishop/pi-protocol';
import type { ResolvedOptions } from '../options';
import { CallLog } from './calls';
import { SandboxClock } from './clock';
import { Faults } from './faults';
import { Ledger } from './ledger';
import { Payments } from './payments';
import { Users } from './users';
import { toStroops } from './amount';

/** What the app wallet and each new Pioneer's wallet hold at the start, in π. */
export const APP_WALLET_STARTING_BALANCE = '1000000';
export const USER_WALLET_STARTING_BALANCE = '100000';

/** Everything one sandbox instance remembers; it lives as long as its Fastify context. */
export interface Sandbox {
  options: ResolvedOptions;
  appWallet: string;
  clock: SandboxClock;
  users: Users;
  payments: Payments;
  ledger: Ledger;
  faults: Faults;
  calls: CallLog;
  close(): void;
}

export function createSandbox(options: ResolvedOptions): Sandbox {
  const clock = new SandboxClock();
  const appWallet = options.appWalletAddress;
  const ledger = new Ledger(clock, PI_NETWORK_PASSPHRASES[options.network]);
  ledger.openAccount(appWallet, toStroops(APP_WALLET_STARTING_BALANCE));
  const users = new Users(clock, ledger, toStroops(USER_WALLET_STARTING_BALANCE));
  const payments = new Payments(clock, {
    network: options.network,
    approvalTimeoutMs: options.approvalTimeoutMs,
    appWallet,
  });
  // Whatever became due when a test moves the clock is applied at once.
  clock.onAdvance(() => payments.expireDue());
  return {
    options,
    appWallet,
    clock,
    users,
    payments,
    ledger,
    faults: new Faults(),
    calls: new CallLog(),
    close: () => clock.close(),
  };
}
