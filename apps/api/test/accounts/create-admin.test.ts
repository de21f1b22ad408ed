import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createOrPromoteAdmin } from '../../src/modules/accounts/create-admin';
import { User } from '../../src/modules/accounts/user.entity';
import { openDataSource } from '../../src/db/database';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp } from './helpers';

describe('create-admin', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  it('creates an admin who can sign in', async () => {
    const { user, action } = await createOrPromoteAdmin(t.ds, { email: 'Owner@Example.com', password: 'owner-password' });
    expect(action).toBe('created');
    expect(user).toMatchObject({ email: 'owner@example.com', username: 'owner', role: 'admin', isActive: true });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'owner@example.com', password: 'owner-password' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('admin');
  });

  it('promotes an existing customer (ending their customer sessions) and keeps the password when none is given', async () => {
    const { user, token, password } = await createUser(t);
    const { action } = await createOrPromoteAdmin(t.ds, { email: user.email! });
    expect(action).toBe('promoted');
    expect((await t.ds.getRepository(User).findOneByOrFail({ id: user.id })).role).toBe('admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.username, password } });
    expect(res.json().user.role).toBe('admin');
  });

  it('refuses bad input and creates nothing', async () => {
    const before = await t.ds.getRepository(User).count();
    await expect(createOrPromoteAdmin(t.ds, { email: 'not-an-email', password: 'long-enough-password' })).rejects.toThrow(/email/);
    await expect(createOrPromoteAdmin(t.ds, { email: 'new@example.com', password: 'short' })).rejects.toThrow(/password/);
    await expect(createOrPromoteAdmin(t.ds, { email: 'new@example.com' })).rejects.toThrow(/password is required/);
    await expect(createOrPromoteAdmin(t.ds, { email: 'new@example.com', password: 'long-enough-password', username: 'no spaces' })).rejects.toThrow(/username/);
    expect(await t.ds.getRepository(User).count()).toBe(before);
  });
});

describe('the create-admin command', () => {
  const run = promisify(execFile);
  const apiDir = path.resolve(__dirname, '../..');
  const tsx = path.join(apiDir, 'node_modules/.bin/tsx');

  it('creates an admin from --email/--password and exits 0; exits 2 with usage when --email is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-cli-'));
    const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}`, NODE_ENV: 'development', LOG_LEVEL: 'silent' };
    try {
      const ok = await run(tsx, ['src/cli/create-admin.ts', '--email', 'cli@example.com', '--password', 'cli-password-1', '--username', 'Chief'], { cwd: apiDir, env });
      expect(ok.stdout).toMatch(/Created admin cli@example\.com \(username chief/);
      const ds = await openDataSource({ driver: 'sqlite', path: path.join(dir, 'cli.sqlite') });
      try {
        expect(await ds.getRepository(User).findOneByOrFail({ email: 'cli@example.com' })).toMatchObject({ role: 'admin', username: 'chief' });
      } finally {
        await ds.destroy();
      }
      const missing = await run(tsx, ['src/cli/create-admin.ts', '--password', 'x'], { cwd: apiDir, env }).catch((e) => e);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--email is required/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Two CLI processes started through tsx: slow on a busy machine, never stuck.
  }, 120_000);
});
