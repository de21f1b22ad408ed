import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import type { Mailer } from '../../plugins/mailer';
import { PasswordResetToken } from './password-reset-token.entity';
import { User } from './user.entity';
import type { UsersService } from './users.service';
import type { SessionsService } from './sessions.service';
import type { LockoutService } from './lockout.service';
import { hashToken, newSecretToken } from './tokens';
import { hashPassword } from './password';

export const RESET_TOKEN_TTL_MINUTES = 60;

/**
 * "Forgot password": the request answers the same for any email; the link carries a random
 * single-use token (stored hashed) that expires after an hour. Using it ends every session.
 */
export class PasswordResetService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: {
      users: UsersService;
      sessions: SessionsService;
      lockout: LockoutService;
      mailer: Mailer;
      publicUrl: string;
      log: FastifyBaseLogger;
    },
  ) {}

  /** Sends a link when an active account has this email; does nothing visible otherwise. */
  async request(email: string): Promise<void> {
    const user = await this.deps.users.findByEmail(email);
    if (!user || !user.isActive || !user.email) return;
    const token = newSecretToken();
    await this.ds.getRepository(PasswordResetToken).insert({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000),
      usedAt: null,
    });
    const link = `${this.deps.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    // Not awaited: the answer must not wait for (or reveal) the mail server.
    this.deps.mailer
      .send({
        to: user.email,
        subject: 'Reset your password',
        text:
          `Hello ${user.displayName || user.username},\n\n` +
          `Someone (hopefully you) asked to reset the password of your account.\n` +
          `Open this link within ${RESET_TOKEN_TTL_MINUTES} minutes to choose a new one:\n\n${link}\n\n` +
          `If you did not ask for this, ignore this mail; your password stays the same.\n`,
      })
      .catch((err: Error) => this.deps.log.error({ err }, 'password reset mail failed'));
  }

  /** Sets the new password if the token is valid, unused and not expired; ends all sessions. */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const ok = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(PasswordResetToken);
      const row = await repo.findOne({ where: { tokenHash: hashToken(token) } });
      if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return false;
      // Single use even under concurrent submits: only one update claims the row.
      const claimed = await repo.update({ id: row.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (!claimed.affected) return false;
      const user = await em.getRepository(User).findOne({ where: { id: row.userId } });
      if (!user || !user.isActive) return false;
      await em.getRepository(User).update({ id: user.id }, { passwordHash });
      // Older links die with this one.
      await repo.update({ userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      await this.deps.sessions.endAllForUser(user.id, em);
      await this.deps.lockout.resetLogins([user.username, ...(user.email ? [user.email] : [])], em);
      return true;
    });
    if (!ok) {
      throw new AppError(C.RESET_INVALID_TOKEN, 'This reset link is invalid, already used or expired; ask for a new one');
    }
  }
}
