import fs from 'node:fs';
import path from 'node:path';

/**
 * The suite's figures (requests fuzzed, interleavings tried, faults injected, 5xx, doubled
 * confirmations, lost payments, lockout guesses admitted past the limit). Each test file adds
 * to them; the figures reporter (figures-reporter.cjs) sums and prints them when jest ends.
 */
export interface Figures {
  requestsFuzzed: number;
  interleavingsTried: number;
  faultsInjected: number;
  serverErrors: number;
  doubledConfirmations: number;
  lostPayments: number;
  lockoutGuessesPastLimit: number;
  /** Free-form extra counts a file wants shown (name → number). */
  extra: Record<string, number>;
}

export const FIGURES_DIR_ENV = 'PISHOP_RELIABILITY_FIGURES_DIR';

export function emptyFigures(): Figures {
  return {
    requestsFuzzed: 0,
    interleavingsTried: 0,
    faultsInjected: 0,
    serverErrors: 0,
    doubledConfirmations: 0,
    lostPayments: 0,
    lockoutGuessesPastLimit: 0,
    extra: {},
  };
}

/**
 * Records one file's figures: always printed with the file's output, and written for the
 * reporter when it runs (it names the folder through the environment the workers inherit).
 */
export function recordFigures(file: string, figures: Figures): void {
  const name = path.basename(file).replace(/\.test\.ts$/, '');
  process.stdout.write(`\n[reliability figures] ${name}: ${JSON.stringify(figures)}\n`);
  const dir = process.env[FIGURES_DIR_ENV];
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(figures));
}
