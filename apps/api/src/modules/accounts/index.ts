import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import './accounts.errors';
import { UsersService } from './users.service';
import { SessionsService } from './sessions.service';
import { LockoutService } from './lockout.service';
import { RecaptchaService } from './recaptcha.service';
import { AuthService } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import { AvatarService } from './avatar.service';
import { CvService } from './cv.service';
import { AccountsAdminService } from './accounts-admin.service';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { authRoutes } from './auth.routes';
import { meRoutes } from './me.routes';
import { accountsAdminRoutes } from './accounts.admin-routes';

/** What other modules may use of accounts (e.g. `app.accounts.users.findById`). */
export interface Accounts {
  users: UsersService;
  sessions: SessionsService;
  lockout: LockoutService;
  recaptcha: RecaptchaService;
  auth: AuthService;
  passwordReset: PasswordResetService;
  avatars: AvatarService;
  cv: CvService;
  admin: AccountsAdminService;
}

declare module 'fastify' {
  interface FastifyInstance {
    accounts: Accounts;
  }
}

/** Accounts: users, password and Pi sign-in, sessions, lockout, reCAPTCHA, reset, profile, CV. */
export default fp(
  async (app) => {
    const { config, db } = app;
    const users = new UsersService(db);
    const sessions = new SessionsService(db, (claims) => app.signAccessToken(claims));
    const lockout = new LockoutService(db, config.auth.lockout);
    const recaptcha = new RecaptchaService(config.recaptcha, config.publicUrl);
    const accounts: Accounts = {
      users,
      sessions,
      lockout,
      recaptcha,
      auth: new AuthService(db, config, { users, sessions, lockout, recaptcha, pi: app.piPlatform.client }),
      passwordReset: new PasswordResetService(db, { users, sessions, lockout, mailer: app.mailer, publicUrl: config.publicUrl, log: app.log }),
      avatars: new AvatarService(users, config.mediaRoot),
      cv: new CvService(config.privateRoot),
      admin: new AccountsAdminService(db, { users, sessions, lockout }),
    };
    app.decorate('accounts', accounts);
    // Revoked tokens, disabled or deleted users and changed roles are refused on every request.
    app.setSessionGuard(sessions);

    if (!recaptcha.enabled) app.log.info('reCAPTCHA is off: RECAPTCHA_SECRET_KEY is not set');
    if (config.pi.onlyLogin) app.log.info('PI_ONLY_LOGIN=true: password sign-in and registration are off');

    await app.register(authRoutes, { prefix: API_PREFIX });
    await app.register(meRoutes, { prefix: API_PREFIX });
    await app.register(accountsAdminRoutes, { prefix: `${API_PREFIX}/admin` });
  },
  { name: 'accounts', dependencies: ['config', 'db', 'auth', 'mailer', 'pi-platform'] },
);

export { User } from './user.entity';
