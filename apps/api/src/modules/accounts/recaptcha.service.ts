import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import type { AppConfig } from '../../config';

export type RecaptchaAction = 'register' | 'login' | 'password_reset';

interface SiteVerifyAnswer {
  success?: boolean;
  score?: number;
  action?: string;
  hostname?: string;
  'error-codes'?: string[];
}

const TIMEOUT_MS = 5000;

/**
 * reCAPTCHA v3: the token is checked at RECAPTCHA_VERIFY_URL (success, action, hostname
 * of PUBLIC_URL, score ≥ RECAPTCHA_MIN_SCORE). Off when no secret is configured.
 */
export class RecaptchaService {
  private readonly hostname: string;

  constructor(private readonly settings: AppConfig['recaptcha'], publicUrl: string) {
    this.hostname = new URL(publicUrl).hostname;
  }

  get enabled(): boolean {
    return this.settings.secretKey !== '';
  }

  async verify(token: string | undefined, action: RecaptchaAction, remoteIp: string): Promise<void> {
    if (!this.enabled) return;
    if (!token) throw failed('missing-token', 'Please complete the anti-robot check and try again');
    const answer = await this.ask(token, remoteIp);
    if (!answer.success) throw failed('not-successful', undefined, { errorCodes: answer['error-codes'] ?? [] });
    if (answer.action !== action) throw failed('wrong-action');
    if (answer.hostname !== this.hostname) throw failed('wrong-hostname');
    if (typeof answer.score !== 'number' || answer.score < this.settings.minScore) throw failed('low-score');
  }

  private async ask(token: string, remoteIp: string): Promise<SiteVerifyAnswer> {
    const body = new URLSearchParams({ secret: this.settings.secretKey, response: token, remoteip: remoteIp });
    let res: Response;
    try {
      res = await fetch(this.settings.verifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw unavailable();
    }
    if (!res.ok) throw unavailable();
    try {
      return (await res.json()) as SiteVerifyAnswer;
    } catch {
      throw unavailable();
    }
  }
}

function failed(reason: string, message = 'The anti-robot check failed; please try again', extra: object = {}) {
  return new AppError(C.RECAPTCHA_FAILED, message, { reason, ...extra });
}

function unavailable() {
  return new AppError(C.RECAPTCHA_UNAVAILABLE, 'The anti-robot check is unavailable right now; please try again shortly');
}
