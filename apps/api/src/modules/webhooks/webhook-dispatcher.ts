import type { FastifyBaseLogger } from 'fastify';
import { Brackets, type DataSource } from 'typeorm';
import { WEBHOOK_SIGNATURE_HEADER } from '@pishop/shared';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { signWebhook } from './webhook-signature';
import { fetch } from 'undici';
import { targetRefusal, webhookDispatcher } from './webhook-targets';

/** Retries stop (the delivery is failed) once the next attempt would fall later than this after queueing. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 2 * 60 * 60 * 1000;

/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min ... doubling, at most 2 h. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (failedAttempts - 1), MAX_RETRY_MS);
}

export interface DispatcherOptions {
  allowPrivateTargets: boolean;
  timeoutMs: number;
  log: FastifyBaseLogger;
}

/**
 * Sends due outbox rows: right after the commit that queued them, at start (rows a crash
 * left behind), and on the poll interval (retries). A delivery is claimed with a short lock
 * first, so instances and overlapping runs never send it twice at once.
 */
export class WebhookDispatcher {
  /** The worker's clock (tests drive time with it). */
  now: () => Date = () => new Date();
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly http;

  constructor(
    private readonly ds: DataSource,
    private readonly opts: DispatcherOptions,
  ) {
    this.http = webhookDispatcher(opts.allowPrivateTargets);
  }

  /** Runs the due deliveries soon (once more if a run is going on). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.runDue()) > 0 && !this.stopped);
        } catch (err) {
          this.opts.log.error({ err }, 'webhook worker run failed');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no kicked run is going on. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
    await this.http.close();
  }

  /** Sends the deliveries due now (up to `limit`); answers how many were attempted. */
  async runDue(limit = 20): Promise<number> {
    const now = this.now();
    const due = await this.ds
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.status = :status', { status: 'pending' })
      .andWhere('d.nextAttemptAt <= :now', { now })
      .andWhere(new Brackets((w) => w.where('d.lockedUntil IS NULL').orWhere('d.lockedUntil <= :now', { now })))
      .orderBy('d.nextAttemptAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .take(limit)
      .getMany();
    let attempted = 0;
    for (const d of due) {
      if (this.stopped) break;
      if (!(await this.claim(d, now))) continue;
      attempted += 1;
      await this.attempt(d);
    }
    return attempted;
  }

  private async claim(d: WebhookDelivery, now: Date): Promise<boolean> {
    const lockedUntil = new Date(now.getTime() + this.opts.timeoutMs + 60_000);
    const res = await this.ds
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ lockedUntil })
      .where('id = :id AND status = :status', { id: d.id, status: 'pending' })
      .andWhere(new Brackets((w) => w.where('lockedUntil IS NULL').orWhere('lockedUntil <= :now', { now })))
      .execute();
    return res.affected === 1;
  }

  private async attempt(d: WebhookDelivery): Promise<void> {
    const endpoint = await this.ds.getRepository(WebhookEndpoint).findOne({ where: { id: d.endpointId } });
    let statusCode: number | null = null;
    let error: string | null = null;
    if (!endpoint || !endpoint.enabled) {
      error = 'The endpoint was deleted or disabled';
    } else {
      const refusal = await targetRefusal(endpoint.url, this.opts.allowPrivateTargets);
      if (refusal) error = `Target not allowed: the URL ${refusal}`;
      else ({ statusCode, error } = await this.send(endpoint, d));
    }
    await this.record(d, statusCode, error, !endpoint || !endpoint.enabled);
  }

  private async send(endpoint: WebhookEndpoint, d: WebhookDelivery): Promise<{ statusCode: number | null; error: string | null }> {
    const t = Math.floor(this.now().getTime() / 1000);
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        body: d.payload,
        redirect: 'manual',
        dispatcher: this.http,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'pishop-webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(endpoint.secret, d.payload, t),
          'x-event-id': d.eventId,
          'x-event-type': d.type,
        },
      });
      await res.body?.cancel();
      return { statusCode: res.status, error: res.status >= 200 && res.status < 300 ? null : `The endpoint answered ${res.status}` };
    } catch (err) {
      // undici says only "fetch failed"; the reason (refused target, DNS, reset) is its cause.
      const cause = (err as Error).cause as Error | undefined;
      return { statusCode: null, error: `Not delivered: ${(err as Error).message}${cause?.message ? ` (${cause.message})` : ''}`.slice(0, 500) };
    }
  }

  private async record(d: WebhookDelivery, statusCode: number | null, error: string | null, giveUp: boolean): Promise<void> {
    const now = this.now();
    const attempts = d.attempts + 1;
    const base = { attempts, lastStatusCode: statusCode, lastError: error, lockedUntil: null };
    if (!error) {
      await this.ds.getRepository(WebhookDelivery).update({ id: d.id }, { ...base, status: 'succeeded', deliveredAt: now, nextAttemptAt: null });
      return;
    }
    const next = new Date(now.getTime() + retryDelayMs(attempts));
    const failed = giveUp || next.getTime() > d.queuedAt.getTime() + RETRY_WINDOW_MS;
    await this.ds.getRepository(WebhookDelivery).update({ id: d.id }, { ...base, status: failed ? 'failed' : 'pending', nextAttemptAt: failed ? null : next });
    this.opts.log.warn({ deliveryId: d.id, eventId: d.eventId, attempts, statusCode, failed }, 'webhook delivery attempt failed');
  }
}
