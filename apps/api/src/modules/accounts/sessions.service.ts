import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThan, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { AccessClaims, SessionGuard } from '../../plugins/auth';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../plugins/auth';
import { User } from './user.entity';
import { RefreshToken } from './refresh-token.entity';
import { RevokedAccessToken } from './revoked-access-token.entity';
import { accountDisabled, invalidRefreshToken } from './accounts.errors';
import { hashToken, newSecretToken } from './tokens';
import { supportsRowLocks } from '../../lib/row-locks';

/** FOR UPDATE on MySQL/MariaDB; SQLite runs one transaction at a time anyway. */
function lockedRead(em: EntityManager) {
  return supportsRowLocks(em) ? { lock: { mode: 'pessimistic_write' as const } } : {};
}

/** Refresh tokens live this long without use (each use rotates and extends). */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export type SignAccessToken = (claims: { sub: string; role: User['role']; jti: string }) => string;

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  user: User;
}

type RotateOutcome =
  | { ok: true; session: IssuedSession }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' | 'disabled' };

/**
 * Access JWTs (short-lived, revocable by jti) and rotating refresh tokens grouped in
 * families; also the session guard the auth plugin consults on every request.
 */
export class SessionsService implements SessionGuard {
  constructor(
    private readonly ds: DataSource,
    private readonly sign: SignAccessToken,
  ) {}

  /** A new session family for a user who just proved who they are. */
  async start(user: User, em: EntityManager = this.ds.manager): Promise<IssuedSession> {
    return this.issue(em, user, randomUUID());
  }

  /** Trades a refresh token for a new pair; a second use of a rotated token revokes its family. */
  async rotate(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw invalidRefreshToken('missing');
    const outcome = await this.ds.transaction(async (em): Promise<RotateOutcome> => {
      const repo = em.getRepository(RefreshToken);
      // A locking read: a second use of the same token waits here until the first commits,
      // then sees it rotated (and the new token it issued) and revokes the family.
      const row = await repo.findOne({ where: { tokenHash: hashToken(refreshToken) }, ...lockedRead(em) });
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revokedAt) return { ok: false, reason: 'revoked' };
      if (row.rotatedAt) {
        await this.revokeFamilies(em, [row.familyId]);
        return { ok: false, reason: 'reused' };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
      // Only one of two concurrent uses wins; the loser is treated as reuse.
      const claimed = await repo.update({ id: row.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: new Date() });
      if (!claimed.affected) {
        await this.revokeFamilies(em, [row.familyId]);
        return { ok: false, reason: 'reused' };
      }
      const user = await em.getRepository(User).findOne({ where: { id: row.userId } });
      if (!user || !user.isActive) {
        await this.revokeFamilies(em, [row.familyId]);
        return { ok: false, reason: 'disabled' };
      }
      return { ok: true, session: await this.issue(em, user, row.familyId) };
    });
    if (outcome.ok) return outcome.session;
    if (outcome.reason === 'disabled') throw accountDisabled();
    throw invalidRefreshToken(outcome.reason);
  }

  /** Logout: the access token stops working at once, and its refresh family too. */
  async end(access: { jti: string; exp?: number } | undefined, refreshToken: string | undefined): Promise<void> {
    await this.ds.transaction(async (em) => {
      if (access) await this.revokeJtis(em, [access.jti], access.exp ? new Date(access.exp * 1000) : undefined);
      if (refreshToken) {
        const row = await em.getRepository(RefreshToken).findOne({ where: { tokenHash: hashToken(refreshToken) } });
        if (row) await this.revokeFamilies(em, [row.familyId]);
      }
      await em.getRepository(RevokedAccessToken).delete({ expiresAt: LessThan(new Date()) });
    });
  }

  /** Ends every session of a user (password reset, deactivation). */
  async endAllForUser(userId: number, em: EntityManager = this.ds.manager): Promise<void> {
    const rows = await em.getRepository(RefreshToken).find({ where: { userId, revokedAt: IsNull() }, select: { familyId: true } });
    await this.revokeFamilies(em, [...new Set(rows.map((r) => r.familyId))]);
  }

  /** The auth plugin's guard: revoked tokens, unknown or inactive users, and changed roles fail. */
  async isAccepted(claims: AccessClaims): Promise<boolean> {
    if (!/^\d+$/.test(claims.sub)) return false;
    // One statement per signed-in request: the user and whether this token was revoked.
    const row = await this.ds.getRepository(User).createQueryBuilder('u')
      .select('u.isActive', 'active')
      .addSelect('u.role', 'role')
      .addSelect('r.id', 'revokedId')
      .leftJoin(RevokedAccessToken, 'r', 'r.jti = :jti', { jti: claims.jti })
      .where('u.id = :id', { id: Number(claims.sub) })
      .limit(1)
      .getRawOne<{ active: number | boolean | string; role: string; revokedId: number | null }>();
    if (!row || !Number(row.active) || row.role !== claims.role) return false;
    return row.revokedId === null;
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<IssuedSession> {
    const jti = randomUUID();
    const refreshToken = newSecretToken();
    await em.getRepository(RefreshToken).insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      accessJti: jti,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      rotatedAt: null,
      revokedAt: null,
    });
    const accessToken = this.sign({ sub: String(user.id), role: user.role, jti });
    return { accessToken, refreshToken, user };
  }

  private async revokeFamilies(em: EntityManager, familyIds: string[]): Promise<void> {
    if (familyIds.length === 0) return;
    const repo = em.getRepository(RefreshToken);
    // Access tokens issued within their lifetime may still be in use: revoke them too. A row's
    // issue time is its expiry minus the refresh lifetime (app clock, not the database's).
    const issuedAfter = Date.now() - (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;
    // Locking read: sees the latest committed tokens of the family, not this transaction's snapshot.
    const recent = await repo.find({
      where: { familyId: In(familyIds), expiresAt: MoreThan(new Date(issuedAfter + REFRESH_TOKEN_TTL_SECONDS * 1000)) },
      select: { id: true, accessJti: true },
      ...lockedRead(em),
    });
    await this.revokeJtis(em, recent.map((r) => r.accessJti));
    await repo.update({ familyId: In(familyIds), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeJtis(em: EntityManager, jtis: string[], expiresAt?: Date): Promise<void> {
    if (jtis.length === 0) return;
    const until = expiresAt ?? new Date(Date.now() + (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
    await em
      .createQueryBuilder()
      .insert()
      .into(RevokedAccessToken)
      .values(jtis.map((jti) => ({ jti, expiresAt: until })))
      .orIgnore()
      .execute();
  }
}
