import { In, type DataSource, type EntityManager } from 'typeorm';
import { AccountErrorCodes as C, type AvatarChoice, type UserDto, type UserRole } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { User } from './user.entity';
import { userNotFound } from './accounts.errors';
import { isUniqueViolation } from '../../lib/db-errors';
import { normaliseEmail, normaliseLogin, normaliseUsername } from './normalise';
import { hashPassword } from './password';
import { avatarUrlOf } from './avatar-urls';

export interface NewUser {
  email?: string | null;
  username: string;
  /** Plain password (hashed here); omit for Pi-only accounts. */
  password?: string | null;
  /** Or a hash made beforehand (keeps the slow hashing out of a transaction). */
  passwordHash?: string | null;
  role?: UserRole;
  displayName?: string | null;
  piUid?: string | null;
  piUsername?: string | null;
}

/** Users: creation with unique checks, look-ups, profile, and the public shape. */
export class UsersService {
  constructor(private readonly ds: DataSource) {}

  async create(input: NewUser, em: EntityManager = this.ds.manager): Promise<User> {
    const repo = em.getRepository(User);
    const email = input.email ? normaliseEmail(input.email) : null;
    const username = normaliseUsername(input.username);
    if (email && (await repo.exists({ where: { email } }))) throw emailTaken();
    if (await repo.exists({ where: { username } })) throw usernameTaken();
    const user = repo.create({
      email,
      username,
      passwordHash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
      role: input.role ?? 'customer',
      displayName: input.displayName ?? null,
      piUid: input.piUid ?? null,
      piUsername: input.piUsername ?? null,
      avatar: null,
      avatarChoice: null,
      isActive: true,
      lastLoginAt: null,
    });
    try {
      // One INSERT: no wrapping transaction (SQLite has one connection; see lib/transaction).
      return await repo.save(user, { transaction: false });
    } catch (err) {
      // Two sign-ups racing for the same email or username: the unique key decided. Look
      // outside the caller's transaction, whose snapshot may predate the other insert.
      if (!isUniqueViolation(err)) throw err;
      const committed = this.ds.getRepository(User);
      if (input.piUid && (await committed.exists({ where: { piUid: input.piUid } }))) throw err;
      if (email && (await committed.exists({ where: { email } }))) throw emailTaken();
      throw usernameTaken();
    }
  }

  findById(id: number, em: EntityManager = this.ds.manager): Promise<User | null> {
    return em.getRepository(User).findOne({ where: { id } });
  }

  /** Names and e-mails for lists that show who (display name, else username). */
  async summaries(ids: number[]): Promise<Map<number, { name: string; email: string | null }>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows = await this.ds.getRepository(User).find({ where: { id: In(wanted) }, select: { id: true, displayName: true, username: true, email: true } });
    return new Map(rows.map((u) => [u.id, { name: u.displayName || u.username, email: u.email }]));
  }

  async getById(id: number, em?: EntityManager): Promise<User> {
    const user = await this.findById(id, em);
    if (!user) throw userNotFound();
    return user;
  }

  findByEmail(email: string, em: EntityManager = this.ds.manager): Promise<User | null> {
    return em.getRepository(User).findOne({ where: { email: normaliseEmail(email) } });
  }

  findByPiUid(piUid: string, em: EntityManager = this.ds.manager): Promise<User | null> {
    return em.getRepository(User).findOne({ where: { piUid } });
  }

  /** The account a login (email or username) names, if any. */
  findByLogin(login: string, em: EntityManager = this.ds.manager): Promise<User | null> {
    const { kind, value } = normaliseLogin(login);
    return em.getRepository(User).findOne({ where: kind === 'email' ? { email: value } : { username: value } });
  }

  /** `base`, or `base_2`, `base_3`... whichever is free (for Pi and CLI accounts). */
  async freeUsername(base: string, em: EntityManager = this.ds.manager): Promise<string> {
    const repo = em.getRepository(User);
    for (let n = 1; n < 1000; n++) {
      const suffix = n === 1 ? '' : `_${n}`;
      const candidate = base.slice(0, 32 - suffix.length) + suffix;
      if (!(await repo.exists({ where: { username: candidate } }))) return candidate;
    }
    return `${base.slice(0, 23)}_${Date.now().toString(36)}`;
  }

  async updateProfile(id: number, changes: { displayName?: string | null; avatarChoice?: AvatarChoice | null }): Promise<User> {
    const user = await this.getById(id);
    if (changes.displayName !== undefined) user.displayName = changes.displayName?.trim() || null;
    if (changes.avatarChoice !== undefined) user.avatarChoice = changes.avatarChoice;
    return this.save(user);
  }

  async setPassword(id: number, password: string, em: EntityManager = this.ds.manager): Promise<void> {
    await em.getRepository(User).update({ id }, { passwordHash: await hashPassword(password) });
  }

  save(user: User): Promise<User> {
    return this.ds.getRepository(User).save(user, { transaction: false });
  }

  async setPiUsername(id: number, piUsername: string): Promise<void> {
    await this.ds.getRepository(User).update({ id }, { piUsername });
  }

  async touchLastLogin(id: number, em: EntityManager = this.ds.manager): Promise<void> {
    await em.getRepository(User).update({ id }, { lastLoginAt: new Date() });
  }

  /** Where notifications for the seller go: every active admin's address (admins are few). */
  async activeAdminEmails(): Promise<string[]> {
    const admins = await this.ds.getRepository(User).find({ where: { role: 'admin', isActive: true }, select: { id: true, email: true }, order: { id: 'ASC' } });
    return admins.map((u) => u.email).filter((e): e is string => !!e);
  }

  toDto(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      displayName: user.displayName || user.piUsername || user.username,
      avatarChoice: user.avatarChoice,
      avatarUrl: avatarUrlOf(user),
      hasUploadedAvatar: !!user.avatar,
      role: user.role,
      isActive: user.isActive,
      piUid: user.piUid,
      piUsername: user.piUsername,
      hasPassword: !!user.passwordHash,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    };
  }
}

const emailTaken = () => new AppError(C.EMAIL_TAKEN, 'An account with this email already exists', { fields: { email: 'is already registered' } });
const usernameTaken = () => new AppError(C.USERNAME_TAKEN, 'This username is taken', { fields: { username: 'is taken' } });
