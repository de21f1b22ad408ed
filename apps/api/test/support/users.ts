import { randomBytes } from 'node:crypto';
import type { UserRole } from '@pishop/shared';
import type { User } from '../../src/modules/accounts/user.entity';
import type { TestApp } from './app';

export interface CreateUserOptions {
  role?: UserRole;
  email?: string | null;
  username?: string;
  password?: string;
  piUid?: string;
  piUsername?: string;
  displayName?: string;
}

export interface CreatedUser {
  user: User;
  /** A real access token (Bearer) for this user. */
  token: string;
  password: string;
}

let counter = 0;

/**
 * A real user, inserted through the accounts service (argon2id hash and all), with a signed
 * access token that passes the session guard. Defaults: a customer with a unique email and
 * username and the password `correct-horse-battery`.
 */
export async function createUser(t: TestApp, opts: CreateUserOptions = {}): Promise<CreatedUser> {
  counter += 1;
  const tag = `${counter}${randomBytes(3).toString('hex')}`;
  const password = opts.password ?? 'correct-horse-battery';
  const user = await t.app.accounts.users.create({
    email: opts.email === undefined ? `user${tag}@example.test` : opts.email,
    username: opts.username ?? `user_${tag}`,
    password,
    role: opts.role ?? 'customer',
    displayName: opts.displayName ?? null,
    piUid: opts.piUid ?? null,
    piUsername: opts.piUsername ?? null,
  });
  const token = t.app.signAccessToken({ sub: String(user.id), role: user.role });
  return { user, token, password };
}
