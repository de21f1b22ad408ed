import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config';
import { AccountErrorCodes, type LoginRequest, type RegisterRequest } from '@pishop/shared';
import { accountDisabled, invalidCredentials, passwordLoginDisabled } from './accounts.errors';
import type { UsersService } from './users.service';
import type { IssuedSession, SessionsService } from './sessions.service';
import type { LockoutService } from './lockout.service';
import type { RecaptchaService } from './recaptcha.service';
import { normaliseLogin, usernameBase } from './normalise';
import { hashPassword, verifyPassword } from './password';
import { isUniqueViolation } from '../../lib/db-errors';
import { fetchPiMe } from './pi-me.client';
import type { PiClient } from '../../lib/pi-platform/pi-client';

/** Who is asking, for lockout and reCAPTCHA. */
export interface Caller {
  /** The client's address, as reCAPTCHA wants it. */
  ip: string;
  /** What the lockout counts per: the address, or an IPv6 caller's /64 (one host can hold a whole /64). */
  network: string;
}

/** Sign-up and the three ways to sign in; each success starts a session family. */
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly deps: {
      users: UsersService;
      sessions: SessionsService;
      lockout: LockoutService;
      recaptcha: RecaptchaService;
      pi: PiClient;
    },
  ) {}

  get passwordLoginEnabled(): boolean {
    return !this.config.pi.onlyLogin;
  }

  /** Refuses password features when the site is Pi-only (PI_ONLY_LOGIN). */
  assertPasswordLogin(): void {
    if (!this.passwordLoginEnabled) throw passwordLoginDisabled();
  }

  async register(input: RegisterRequest, caller: Caller): Promise<IssuedSession> {
    this.assertPasswordLogin();
    await this.deps.recaptcha.verify(input.recaptchaToken, 'register', caller.ip);
    const passwordHash = await hashPassword(input.password);
    return this.ds.transaction(async (em) => {
      const user = await this.deps.users.create({ email: input.email, username: input.username, passwordHash }, em);
      await this.deps.users.touchLastLogin(user.id, em);
      return this.deps.sessions.start(await this.deps.users.getById(user.id, em), em);
    });
  }

  /**
   * The attempt is counted (or refused as locked) before the password is checked; a known
   * account and an unknown login go through the same steps and answer alike: 401
   * INVALID_CREDENTIALS, then 423 ACCOUNT_LOCKED once the limit is used up. With
   * PI_ONLY_LOGIN only admins pass (others: 403 PASSWORD_LOGIN_DISABLED).
   */
  async login(input: LoginRequest, caller: Caller): Promise<IssuedSession> {
    await this.deps.recaptcha.verify(input.recaptchaToken, 'login', caller.ip);
    const user = await this.deps.users.findByLogin(input.login);
    // One lockout key per account whichever of email or username is typed.
    const key = user ? user.username : normaliseLogin(input.login).value;
    const claim = await this.deps.lockout.claimAttempt(key, caller.network);
    const ok = await verifyPassword(user?.passwordHash, input.password);
    if (!ok || !user) {
      this.deps.lockout.assertNotLockedAfterFailure(claim);
      throw invalidCredentials();
    }
    // Pi-only shops still let admins in with a password: the console must stay reachable
    // outside Pi Browser. Everyone else learns only that passwords are off here.
    if (!this.passwordLoginEnabled && user.role !== 'admin') throw passwordLoginDisabled();
    if (!user.isActive) throw accountDisabled();
    await this.deps.lockout.reset(key, caller.network);
    return this.signIn(user.id);
  }

  /** Pi Login: the token is checked with Pi (`/v2/me`); the user is found by uid or created. */
  async piLogin(accessToken: string): Promise<IssuedSession> {
    const me = await fetchPiMe(this.deps.pi, accessToken);
    let user = await this.deps.users.findByPiUid(me.uid);
    for (let attempt = 0; !user; attempt++) {
      try {
        user = await this.ds.transaction(async (em) => {
          const username = await this.deps.users.freeUsername(usernameBase(me.username ?? 'pioneer'), em);
          return this.deps.users.create({ username, piUid: me.uid, piUsername: me.username }, em);
        });
      } catch (err) {
        // A concurrent request created this Pioneer (unique piUid) or took the username: look again.
        const code = (err as { code?: string }).code;
        if (attempt >= 2 || !(isUniqueViolation(err) || code === AccountErrorCodes.USERNAME_TAKEN)) throw err;
        user = await this.deps.users.findByPiUid(me.uid);
      }
    }
    if (me.username && user.piUsername !== me.username) await this.deps.users.setPiUsername(user.id, me.username);
    if (!user.isActive) throw accountDisabled();
    return this.signIn(user.id);
  }

  private async signIn(userId: number): Promise<IssuedSession> {
    return this.ds.transaction(async (em) => {
      await this.deps.users.touchLastLogin(userId, em);
      const user = await this.deps.users.getById(userId, em);
      return this.deps.sessions.start(user, em);
    });
  }
}
