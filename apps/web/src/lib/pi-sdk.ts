/**
 * The only module that touches `window.Pi`. In Pi Browser the real SDK is loaded from
 * sdk.minepi.com; with the local sandbox, its stand-in from /pi-sandbox/sdk.js.
 */
export interface PiPaymentDTO {
  identifier: string;
  user_uid: string;
  amount: number;
  memo: string;
  metadata: Record<string, unknown>;
  transaction: { txid: string; verified: boolean; _link: string } | null;
  status: { developer_approved: boolean; transaction_verified: boolean; developer_completed: boolean; cancelled: boolean; user_cancelled: boolean };
}

export interface PiAuthResult {
  accessToken: string;
  user: { uid: string; username?: string };
}

export interface PiPaymentCallbacks {
  onReadyForServerApproval: (paymentId: string) => void;
  onReadyForServerCompletion: (paymentId: string, txid: string) => void;
  onCancel: (paymentId: string) => void;
  onError: (error: Error, payment?: PiPaymentDTO) => void;
}

interface PiSdk {
  init(options: { version: string; sandbox?: boolean }): void;
  authenticate(scopes: string[], onIncompletePaymentFound: (payment: PiPaymentDTO) => void): Promise<PiAuthResult>;
  createPayment(data: { amount: number; memo: string; metadata: Record<string, unknown> }, callbacks: PiPaymentCallbacks): void;
}

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

const REAL_SDK_URL = 'https://sdk.minepi.com/pi-sdk.js';
let scriptLoading: Promise<void> | null = null;
const initialised = new WeakSet<PiSdk>();

function loadScript(settings: PiSdkSettings): Promise<void> {
  if (window.Pi) return Promise.resolve();
  scriptLoading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = settings.local ? '/pi-sandbox/sdk.js' : REAL_SDK_URL;
    script.async = true;
    script.onload = () => (window.Pi ? resolve() : reject(new Error('The Pi SDK did not load')));
    script.onerror = () => reject(new Error('The Pi SDK could not be loaded; open the app in Pi Browser'));
    document.head.appendChild(script);
  }).catch((err) => {
    scriptLoading = null;
    throw err;
  });
  return scriptLoading;
}

/** Loads the SDK script once and calls `Pi.init` once. */
export async function loadPiSdk(settings: PiSdkSettings): Promise<PiSdk> {
  await loadScript(settings);
  const pi = window.Pi!;
  if (!initialised.has(pi)) {
    pi.init({ version: '2.0', sandbox: settings.sandbox || settings.local });
    initialised.add(pi);
  }
  return pi;
}

export async function authenticateWithPi(
  settings: PiSdkSettings,
  onIncompletePaymentFound: (payment: PiPaymentDTO) => void,
): Promise<PiAuthResult> {
  const pi = await loadPiSdk(settings);
  return pi.authenticate(['username', 'payments'], onIncompletePaymentFound);
}

export async function createPiPayment(
  settings: PiSdkSettings,
  data: { amount: string; memo: string; metadata: Record<string, unknown> },
  callbacks: PiPaymentCallbacks,
): Promise<void> {
  const pi = await loadPiSdk(settings);
  // The SDK takes a number; π amounts have at most 7 decimals, which a double holds exactly enough to print back.
  pi.createPayment({ amount: Number(data.amount), memo: data.memo, metadata: data.metadata }, callbacks);
}
