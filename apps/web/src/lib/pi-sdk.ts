/**
 * The only module that touches `window.Pi`. In Pi Browser the real SDK is loaded from
 * sdk.minepi.com; with the local sandbox, its stand-in from /pi-sandbox/sdk.js. The SDK's
 * shapes come from `@pishop/pi-protocol`, the one typed definition of Pi's protocol.
 */
import { PI_SDK_URL, type PaymentDTO, type PiAuthResult, type PiPaymentCallbacks, type PiSdk } from '@pishop/pi-protocol';

export type { PaymentDTO, PiAuthResult, PiPaymentCallbacks };

declare global {
  interface Window {
    Pi?: PiSdk;
  }
}

export interface PiSdkSettings {
  /** The local sandbox is mounted: use its stand-in SDK. */
  local: boolean;
  /** Pi.init({sandbox}) for Pi's own sandbox. */
  sandbox: boolean;
}

/**
 * How long the SDK gets to load and answer `Pi.authenticate`. Outside Pi Browser the real
 * SDK never answers; after this the customer is told how to continue.
 */
export const PI_SDK_ANSWER_MS = 8000;

/** The SDK did not load or did not answer: the page is not open in Pi Browser. */
export class PiSdkUnavailableError extends Error {
  constructor(message = 'Pi did not answer: payments in π need Pi Browser.') {
    super(message);
    this.name = 'PiSdkUnavailableError';
  }
}

let scriptLoading: Promise<void> | null = null;
const initialised = new WeakSet<PiSdk>();

function loadScript(settings: PiSdkSettings): Promise<void> {
  if (window.Pi) return Promise.resolve();
  scriptLoading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = settings.local ? '/pi-sandbox/sdk.js' : PI_SDK_URL;
    script.async = true;
    script.onload = () => (window.Pi ? resolve() : reject(new PiSdkUnavailableError('The Pi SDK did not load.')));
    script.onerror = () => reject(new PiSdkUnavailableError('The Pi SDK could not be loaded.'));
    document.head.appendChild(script);
  }).catch((err) => {
    scriptLoading = null;
    throw err;
  });
  return scriptLoading;
}

/** Rejects with PiSdkUnavailableError when `promise` has not settled within `ms`. */
function withinAnswerTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PiSdkUnavailableError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads the SDK script once and calls `Pi.init` once. */
export async function loadPiSdk(settings: PiSdkSettings): Promise<PiSdk> {
  await loadScript(settings);
  const pi = window.Pi!;
  if (!initialised.has(pi)) {
    initialised.add(pi);
    await pi.init({ version: '2.0', sandbox: settings.sandbox || settings.local });
  }
  return pi;
}

/**
 * Pi sign-in with the payments scope. Every payment the SDK reports as incomplete is
 * collected and handed back with the result, so the caller can settle it before paying.
 * Rejects with PiSdkUnavailableError when Pi does not answer within `answerMs`.
 */
export async function authenticateWithPi(
  settings: PiSdkSettings,
  answerMs = PI_SDK_ANSWER_MS,
): Promise<PiAuthResult & { incomplete: PaymentDTO[] }> {
  const incomplete: PaymentDTO[] = [];
  const signIn = async () => {
    const pi = await loadPiSdk(settings);
    return pi.authenticate(['username', 'payments'], (payment) => incomplete.push(payment));
  };
  const auth = await withinAnswerTime(signIn(), answerMs);
  return { ...auth, incomplete };
}

export async function createPiPayment(
  settings: PiSdkSettings,
  data: { amount: string; memo: string; metadata: { order_number: string } },
  callbacks: PiPaymentCallbacks,
): Promise<void> {
  const pi = await loadPiSdk(settings);
  // The SDK takes a number; π amounts have at most 7 decimals, which a double holds exactly enough to print back.
  pi.createPayment({ amount: Number(data.amount), memo: data.memo, metadata: data.metadata }, callbacks);
}
