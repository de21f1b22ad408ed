import type { DataSource } from 'typeorm';
import { AccountErrorCodes as C, ErrorCodes, type LoginLockoutDto, type UserDto, type UserRole } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { User } from './user.entity';
import { LoginAttempt } from './login-attempt.entity';
import type { UsersService } from './users.service';
import type { SessionsService } from './sessions.service';
import type { LockoutService } from './lockout.service';

export const usersSpec: SimpleRestSpec = {
  resource: 'users',
  sortable: { id: 'u.id', email: 'u.email', username: 'u.username', role: 'u.role', createdAt: 'u.createdAt', lastLoginAt: 'u.lastLoginAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['u.email', 'u.username', 'u.displayName', 'u.piUsername'] },
    id: { type: 'int', column: 'u.id' },
    role: { type: 'string', column: 'u.role', values: ['customer', 'admin'] },
    isActive: { type: 'boolean', column: 'u.isActive' },
  },
};

export const lockoutsSpec: SimpleRestSpec = {
  resource: 'login-lockouts',
  sortable: { id: 'a.id', login: 'a.login', ip: 'a.ip', failures: 'a.failures', lastFailureAt: 'a.lastFailureAt', lockedUntil: 'a.lockedUntil' },
  defaultSort: ['lastFailureAt', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['a.login', 'a.ip'] },
    id: { type: 'int', column: 'a.id' },
    login: { type: 'string', column: 'a.login' },
    ip: { type: 'string', column: 'a.ip' },
  },
};

export interface AdminUserChanges {
  role?: UserRole;
  isActive?: boolean;
  displayName?: string | null;
}

/** Back-office views of users and lockouts. */
export class AccountsAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: { users: UsersService; sessions: SessionsService; lockout: LockoutService },
  ) {}

  async listUsers(params: ListParams): Promise<ListResult<UserDto>> {
    const result = await fetchList(this.ds.getRepository(User).createQueryBuilder('u'), params);
    return { ...result, rows: result.rows.map((u) => this.deps.users.toDto(u)) };
  }

  async getUser(id: number): Promise<UserDto> {
    return this.deps.users.toDto(await this.deps.users.getById(id));
  }

  /** Role, active flag, display name. An admin cannot demote or disable themself. */
  async updateUser(actorId: number, id: number, changes: AdminUserChanges): Promise<UserDto> {
    const user = await this.deps.users.getById(id);
    if (id === actorId && ((changes.role && changes.role !== 'admin') || changes.isActive === false)) {
      throw new AppError(ErrorCodes.CONFLICT, 'You cannot remove your own admin role or disable your own account');
    }
    const endSessions = changes.isActive === false && user.isActive;
    if (changes.role) user.role = changes.role;
    if (changes.isActive !== undefined) user.isActive = changes.isActive;
    if (changes.displayName !== undefined) user.displayName = changes.displayName?.trim() || null;
    await this.ds.transaction(async (em) => {
      await em.getRepository(User).save(user);
      if (endSessions) await this.deps.sessions.endAllForUser(user.id, em);
    });
    return this.deps.users.toDto(user);
  }

  /** Clears every lockout of a user's username and email; answers how many were cleared. */
  async unlockUser(id: number): Promise<{ cleared: number }> {
    const user = await this.deps.users.getById(id);
    const repo = this.ds.getRepository(LoginAttempt);
    const logins = [user.username, ...(user.email ? [user.email] : [])];
    const cleared = (await Promise.all(logins.map((login) => repo.count({ where: { login } })))).reduce((a, b) => a + b, 0);
    await this.deps.lockout.resetLogins(logins);
    return { cleared };
  }

  async listLockouts(params: ListParams): Promise<ListResult<LoginLockoutDto>> {
    const result = await fetchList(this.ds.getRepository(LoginAttempt).createQueryBuilder('a'), params);
    return { ...result, rows: result.rows.map((r) => this.deps.lockout.toDto(r)) };
  }

  async getLockout(id: number): Promise<LoginLockoutDto> {
    return this.deps.lockout.toDto(await this.findLockout(id));
  }

  /** Unlocks one login + IP pair; answers the record as it was. */
  async deleteLockout(id: number): Promise<LoginLockoutDto> {
    const row = await this.findLockout(id);
    await this.ds.getRepository(LoginAttempt).delete({ id });
    return this.deps.lockout.toDto(row);
  }

  private async findLockout(id: number): Promise<LoginAttempt> {
    const row = await this.ds.getRepository(LoginAttempt).findOne({ where: { id } });
    if (!row) throw new AppError(C.LOCKOUT_NOT_FOUND, 'Lockout record not found');
    return row;
  }
}
