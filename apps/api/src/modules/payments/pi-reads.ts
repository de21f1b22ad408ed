import { AppError } from '../../lib/app-error';
import { PiApiError, type PiClient, type PiPayment } from '../../lib/pi-platform/pi-client';

/**
 * Reads a payment from Pi (payments and refunds alike): unknown to Pi is 404
 * `PI_PAYMENT_NOT_FOUND`, Pi down is the caller's `unavailable` answer (each says what happens
 * next in its own words), any other refusal `PI_UPSTREAM`.
 */
export async function readPiPayment(pi: PiClient, id: string, unavailable: (err: PiApiError) => AppError): Promise<PiPayment> {
  try {
    return await pi.getPayment(id);
  } catch (err) {
    if (!(err instanceof PiApiError)) throw err;
    if (err.code === 'payment_not_found' || err.status === 404) throw new AppError('PI_PAYMENT_NOT_FOUND', `Pi knows no payment ${id}`);
    if (err.isUnavailable) throw unavailable(err);
    throw new AppError('PI_UPSTREAM', `The Pi Platform API refused our request: ${err.message}`, { piError: err.code, piStatus: err.status });
  }
}
