import { createHash } from 'node:crypto';
import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../lib/app-error';
import { isUniqueViolation } from '../../lib/db-errors';
import { IdempotencyKey } from './idempotency-key.entity';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** An in-flight claim older than this belongs to a request that died; a retry may take it over. */
const STALE_CLAIM_MS = 60 * 1000;

export type IdempotencyStart =
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'proceed'; claim: IdempotencyKey };

/**
 * Stripe-style `Idempotency-Key`: the first request with a key runs and its answer is stored
 * (in the same transaction as its effects); a retry with the same key and body gets that
 * answer again for 24 h; while the first still runs, a duplicate gets 409; the same key with
 * another body gets 422. A failed first attempt releases the key, so a retry runs again.
 */
export class IdempotencyService {
  constructor(private readonly ds: DataSource) {}

  async begin(userId: number, scope: string, key: string, body: unknown): Promise<IdempotencyStart> {
    if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new AppError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
        fields: { 'Idempotency-Key': 'must be 1 to 255 visible ASCII characters' },
      });
    }
    const requestHash = hashBody(body);
    for (let attempt = 0; attempt < 5; attempt++) {
      const outcome = await this.ds.transaction((em) => this.tryClaim(em, userId, scope, key, requestHash));
      if (outcome) return outcome;
    }
    throw new AppError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is being processed; retry shortly');
  }

  /** Stores the answer; call inside the operation's own transaction. */
  async complete(em: EntityManager, claim: IdempotencyKey, status: number, body: unknown): Promise<void> {
    await em.getRepository(IdempotencyKey).update({ id: claim.id }, { state: 'completed', responseStatus: status, responseBody: body as object });
  }

  /** Gives the key back after a failure, so the client's retry runs the operation again. */
  async release(claim: IdempotencyKey): Promise<void> {
    await this.ds.transaction((em) => em.getRepository(IdempotencyKey).delete({ id: claim.id, state: 'in_progress' }));
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const res = await this.ds.transaction((em) => em.getRepository(IdempotencyKey).delete({ expiresAt: LessThan(now) }));
    return res.affected ?? 0;
  }

  /** One attempt; null means "someone changed the row under us, look again". */
  private async tryClaim(em: EntityManager, userId: number, scope: string, key: string, requestHash: string): Promise<IdempotencyStart | null> {
    const repo = em.getRepository(IdempotencyKey);
    const now = new Date();
    const existing = await repo.findOne({ where: { userId, scope, key } });
    if (!existing) {
      try {
        const claim = await repo.save(
          repo.create({ userId, scope, key, requestHash, state: 'in_progress', lockedAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) }),
        );
        return { kind: 'proceed', claim };
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    }
    if (existing.expiresAt.getTime() <= now.getTime()) {
      await repo.delete({ id: existing.id });
      return null;
    }
    if (existing.requestHash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    }
    if (existing.state === 'completed') {
      return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody };
    }
    if (now.getTime() - existing.lockedAt.getTime() < STALE_CLAIM_MS) {
      throw new AppError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    const taken = await repo.update({ id: existing.id, state: 'in_progress', lockedAt: existing.lockedAt }, { lockedAt: now });
    return taken.affected === 1 ? { kind: 'proceed', claim: { ...existing, lockedAt: now } } : null;
  }
}

/** sha256 of the body as canonical JSON (keys sorted), so key order does not matter. */
export function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
