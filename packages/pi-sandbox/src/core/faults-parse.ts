import { isPiErrorCode } from '@pishop/pi-protocol';
import type { BadTransactionFault, DelayFault, PlatformErrorFault, SandboxFaults } from '../types';
import { invalidArguments } from './errors';
import { isObject } from './json';

const COUNTS = ['duplicateCallbacks', 'callbackDelayMs', 'latencyMs'] as const;
const FLAGS = ['dropCompletionCallback', 'abandonAfterApproval', 'reportApprovedIncomplete', 'hangAuthenticate'] as const;
const LISTS = ['platformErrors', 'delays', 'badTransaction'] as const;
const BAD_KINDS: BadTransactionFault['kind'][] = ['wrong_memo', 'wrong_amount', 'wrong_destination', 'failed'];

/** Validates a whole fault set; any bad part refuses all of it (400 invalid_arguments). */
export function parseFaults(input: unknown): SandboxFaults {
  if (!isObject(input)) throw invalidArguments('faults must be a JSON object');
  const known: readonly string[] = [...COUNTS, ...FLAGS, ...LISTS];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw invalidArguments(`Unknown fault option(s): ${unknown.join(', ')}`);
  const faults: SandboxFaults = {};
  for (const name of COUNTS) if (input[name] !== undefined) faults[name] = integer(name, input[name], 0);
  for (const name of FLAGS) {
    if (input[name] === undefined) continue;
    if (typeof input[name] !== 'boolean') throw invalidArguments(`${name} must be a boolean`);
    faults[name] = input[name];
  }
  if (input.platformErrors !== undefined) faults.platformErrors = list('platformErrors', input.platformErrors, platformError);
  if (input.delays !== undefined) faults.delays = list('delays', input.delays, delay);
  if (input.badTransaction !== undefined) faults.badTransaction = badTransaction(input.badTransaction);
  return faults;
}

function list<T>(name: string, value: unknown, parse: (item: Record<string, unknown>, at: string) => T): T[] {
  if (!Array.isArray(value)) throw invalidArguments(`${name} must be an array`);
  return value.map((item, i) => {
    const at = `${name}[${i}]`;
    if (!isObject(item)) throw invalidArguments(`${at} must be an object`);
    return parse(item, at);
  });
}

/** The request matcher both lists share: a path (route or concrete) and an optional method. */
function matcher(item: Record<string, unknown>, at: string): { path: string; method?: string; times: number } {
  const { path, method, times } = item;
  if (typeof path !== 'string' || !path.startsWith('/')) throw invalidArguments(`${at}.path must start with "/"`);
  if (method !== undefined && typeof method !== 'string') throw invalidArguments(`${at}.method must be a string`);
  const parsed = { path, times: times === undefined ? 1 : integer(`${at}.times`, times, 1) };
  return method === undefined ? parsed : { ...parsed, method };
}

function platformError(item: Record<string, unknown>, at: string): PlatformErrorFault {
  const { status, error, error_message: message, format } = item;
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
    throw invalidArguments(`${at}.status must be an HTTP error status (400-599)`);
  }
  // Below 500 the body is one of Pi's refusals, so only Pi's documented codes; 5xx stands for an
  // outage and 429 for the rate limiter in front of Pi.
  const refusal = (status as number) < 500 && status !== 429;
  const valid = refusal ? isPiErrorCode(error) : typeof error === 'string' && /^[a-z][a-z0-9_]*$/.test(error);
  if (!valid) {
    throw invalidArguments(`${at}.error must be ${refusal ? 'an error code Pi documents' : 'a snake_case code'}`);
  }
  if (format !== undefined && format !== 'json' && format !== 'html') throw invalidArguments(`${at}.format must be "json" or "html"`);
  if (message !== undefined && typeof message !== 'string') throw invalidArguments(`${at}.error_message must be a string`);
  const fault: PlatformErrorFault = { ...matcher(item, at), status: status as number, error: error as string };
  if (message !== undefined) fault.error_message = message;
  if (format !== undefined) fault.format = format;
  return fault;
}

function delay(item: Record<string, unknown>, at: string): DelayFault {
  const { when } = item;
  if (when !== undefined && when !== 'before' && when !== 'after') throw invalidArguments(`${at}.when must be "before" or "after"`);
  return { ...matcher(item, at), delayMs: integer(`${at}.delayMs`, item.delayMs, 1), when: when ?? 'before' };
}

function badTransaction(input: unknown): BadTransactionFault {
  if (!isObject(input)) throw invalidArguments('badTransaction must be an object');
  const { kind, verified, times } = input;
  if (!BAD_KINDS.includes(kind as BadTransactionFault['kind'])) {
    throw invalidArguments(`badTransaction.kind must be one of ${BAD_KINDS.join(', ')}`);
  }
  if (verified !== undefined && typeof verified !== 'boolean') throw invalidArguments('badTransaction.verified must be a boolean');
  return {
    kind: kind as BadTransactionFault['kind'],
    verified: verified ?? false,
    times: times === undefined ? 1 : integer('badTransaction.times', times, 1),
  };
}

function integer(name: string, value: unknown, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) throw invalidArguments(`${name} must be an integer >= ${min}`);
  return value as number;
}
