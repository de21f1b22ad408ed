import type { PaymentData, PaymentDTO } from './payment';
import type { PiScope } from './user';

/** `Pi.init` options; `sandbox: true` runs the SDK against Pi's sandbox (development in a browser). */
export interface PiInitOptions {
  version: string;
  sandbox?: boolean;
}

/** What `Pi.authenticate` resolves; `username` needs the `username` scope. */
export interface PiAuthResult {
  accessToken: string;
  user: { uid: string; username?: string };
}

/** The four callbacks of `Pi.createPayment`, called by the SDK (again and again until the server acts). */
export interface PiPaymentCallbacks {
  onReadyForServerApproval: (paymentId: string) => void;
  onReadyForServerCompletion: (paymentId: string, txid: string) => void;
  onCancel: (paymentId: string) => void;
  /** `payment` is present once the payment was created. */
  onError: (error: Error, payment?: PaymentDTO) => void;
}

/**
 * `window.Pi`, as https://sdk.minepi.com/pi-sdk.js defines it. `onIncompletePaymentFound` gets
 * the Pioneer's open payment at each authenticate and when a new payment is blocked by it.
 */
export interface PiSdk {
  init(options: PiInitOptions): Promise<void> | void;
  authenticate(scopes: PiScope[], onIncompletePaymentFound?: (payment: PaymentDTO) => void): Promise<PiAuthResult>;
  createPayment(data: PaymentData, callbacks: PiPaymentCallbacks): void;
  openShareDialog(title: string, message: string): void;
}

/** The browser global the SDK script defines (`window.Pi`). */
export interface PiBrowserGlobal {
  Pi?: PiSdk;
}

/** Where Pi's SDK is loaded from. */
export const PI_SDK_URL = 'https://sdk.minepi.com/pi-sdk.js';
