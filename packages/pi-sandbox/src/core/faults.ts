import type { PlatformErrorFault, SandboxFaults } from '../types';
import { invalidArguments } from './errors';
import { isObject } from './json';

/**
 * Faults injected by tests. SDK faults stay until reset; each Platform API error is used up
 * after `times` matching requests, so "fails once, then OK" is one entry.
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

  /** The first error fault matching the request (by route or concrete path), used up once. */
  takePlatformError(method: string, paths: string[]): PlatformErrorFault | undefined {
    const list = this.current.platformErrors ?? [];
    const index = list.findIndex(
      (f) => paths.includes(f.path) && (!f.method || f.method.toUpperCase() === method),
    );
    if (index < 0) return undefined;
    const fault = list[index];
    const left = (fault.times ?? 1) - 1;
    if (left > 0) list[index] = { ...fault, times: left };
    else list.splice(index, 1);
    return fault;
  }
}

function parseFaults(input: unknown): SandboxFaults {
  if (!isObject(input)) throw invalidArguments('faults must be a JSON object');
  const known = ['duplicateCallbacks', 'callbackDelayMs', 'dropCompletionCallback', 'platformErrors', 'latencyMs'];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw invalidArguments(`Unknown fault option(s): ${unknown.join(', ')}`);
  const faults: SandboxFaults = {};
  for (const name of ['duplicateCallbacks', 'callbackDelayMs', 'latencyMs'] as const) {
    if (input[name] !== undefined) faults[name] = count(name, input[name]);
  }
  if (input.dropCompletionCallback !== undefined) {
    if (typeof input.dropCompletionCallback !== 'boolean') {
      throw invalidArguments('dropCompletionCallback must be a boolean');
    }
    faults.dropCompletionCallback = input.dropCompletionCallback;
  }
  if (input.platformErrors !== undefined) {
    if (!Array.isArray(input.platformErrors)) throw invalidArguments('platformErrors must be an array');
    faults.platformErrors = input.platformErrors.map(parsePlatformError);
  }
  return faults;
}

function parsePlatformError(input: unknown, i: number): PlatformErrorFault {
  const at = `platformErrors[${i}]`;
  if (!isObject(input)) throw invalidArguments(`${at} must be an object`);
  const { path, method, status, error, error_message: message, times } = input;
  if (typeof path !== 'string' || !path.startsWith('/')) throw invalidArguments(`${at}.path must start with "/"`);
  if (method !== undefined && typeof method !== 'string') throw invalidArguments(`${at}.method must be a string`);
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
    throw invalidArguments(`${at}.status must be an HTTP error status (400-599)`);
  }
  if (typeof error !== 'string' || error === '') {
    throw invalidArguments(`${at}.error must be a Pi error code`);
  }
  if (message !== undefined && typeof message !== 'string') {
    throw invalidArguments(`${at}.error_message must be a string`);
  }
  if (times !== undefined && (!Number.isInteger(times) || (times as number) < 1)) {
    throw invalidArguments(`${at}.times must be a positive integer`);
  }
  const fault: PlatformErrorFault = { path, status: status as number, error, times: (times as number | undefined) ?? 1 };
  if (method !== undefined) fault.method = method;
  if (message !== undefined) fault.error_message = message;
  return fault;
}

function count(name: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw invalidArguments(`${name} must be an integer >= 0`);
  return value as number;
}
