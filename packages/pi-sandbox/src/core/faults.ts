import type { BadTransactionFault, DelayFault, PlatformErrorFault, SandboxFaults } from '../types';
import { parseFaults } from './faults-parse';

/** A delay or forced answer picked for one request. */
export interface MatchedDelay {
  delayMs: number;
  when: 'before' | 'after';
}

/**
 * Faults injected by tests. SDK faults stay until reset; Platform API errors, delays and bad
 * transactions are used up after `times` matching requests, so "fails once, then OK" is one entry.
 */
export class Faults {
  private current: SandboxFaults = {};

  /** Replaces every fault with `input`, after validating all of it. */
  set(input: unknown): SandboxFaults {
    this.current = parseFaults(input);
    return this.snapshot();
  }

  reset(): void {
    this.current = {};
  }

  snapshot(): SandboxFaults {
    return structuredClone(this.current);
  }

  get latencyMs(): number {
    return this.current.latencyMs ?? 0;
  }

  get reportApprovedIncomplete(): boolean {
    return this.current.reportApprovedIncomplete ?? false;
  }

  /** The first error fault matching the request (by route or concrete path), used up once. */
  takePlatformError(method: string, paths: string[]): PlatformErrorFault | undefined {
    return takeMatching(this.current.platformErrors, method, paths);
  }

  takeDelay(method: string, paths: string[]): MatchedDelay | undefined {
    const fault: DelayFault | undefined = takeMatching(this.current.delays, method, paths);
    return fault && { delayMs: fault.delayMs, when: fault.when ?? 'before' };
  }

  /** The bad transaction the wallet submits next, used up once. */
  takeBadTransaction(): BadTransactionFault | undefined {
    const fault = this.current.badTransaction;
    if (!fault) return undefined;
    const left = (fault.times ?? 1) - 1;
    if (left > 0) this.current.badTransaction = { ...fault, times: left };
    else delete this.current.badTransaction;
    return fault;
  }
}

function takeMatching<F extends { path: string; method?: string; times?: number }>(
  list: F[] | undefined,
  method: string,
  paths: string[],
): F | undefined {
  if (!list) return undefined;
  const index = list.findIndex((f) => paths.includes(f.path) && (!f.method || f.method.toUpperCase() === method));
  if (index < 0) return undefined;
  const fault = list[index];
  const left = (fault.times ?? 1) - 1;
  if (left > 0) list[index] = { ...fault, times: left };
  else list.splice(index, 1);
  return fault;
}
