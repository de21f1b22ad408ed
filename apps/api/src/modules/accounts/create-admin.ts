import type { DataSource } from 'typeorm';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '@pishop/shared';
import { validationFailed } from '../../lib/app-error';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { SessionsService } from './sessions.service';
import { normaliseEmail, normaliseUsername, usernameBase } from './normalise';
import { hashPassword } from './password';

export interface CreateAdminInput {
  email: string;
  password?: string;
  username?: string;
}

export type CreateAdminOutcome = { user: User; action: 'created' | 'promoted' | 'updated' };

/**
 * What `pnpm create-admin` does (like Django's createsuperuser): creates an admin, or makes
 * the account with that email an (active) admin, setting the password when one is given.
 */
export async function createOrPromoteAdmin(ds: DataSource, input: CreateAdminInput): Promise<CreateAdminOutcome> {
  const email = normaliseEmail(input.email ?? '');
  const fields: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) fields.email = 'must be a valid email address';
  if (input.password !== undefined && (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > PASSWORD_MAX_LENGTH)) {
    fields.password = `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (input.username !== undefined && !USERNAME_PATTERN.test(normaliseUsername(input.username))) {
    fields.username = 'must be 3 to 32 letters, digits, "_", "." or "-"';
  }
  if (Object.keys(fields).length) throw validationFailed(fields);

  const users = new UsersService(ds);
  const existing = await users.findByEmail(email);
  if (!existing) {
    if (!input.password) throw validationFailed({ password: 'is required to create an account' });
    const username = input.username ?? (await users.freeUsername(usernameBase(email.split('@')[0])));
    const user = await users.create({ email, username, password: input.password, role: 'admin' });
    return { user, action: 'created' };
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const action = existing.role === 'admin' && existing.isActive ? 'updated' : 'promoted';
  await ds.transaction(async (em) => {
    await em.getRepository(User).update({ id: existing.id }, { role: 'admin', isActive: true, ...(passwordHash && { passwordHash }) });
    // Tokens carry the role: sessions started as a customer must sign in again.
    if (existing.role !== 'admin' || passwordHash) {
      await new SessionsService(ds, () => '').endAllForUser(existing.id, em);
    }
  });
  return { user: await users.getById(existing.id), action };
}
