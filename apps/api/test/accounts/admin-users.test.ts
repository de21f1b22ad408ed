import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp } from './helpers';

describe('admin: users (ra-data-simple-rest)', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  it('lists users with Content-Range, filters and sorts; customers get 403', async () => {
    const admin = await createUser(t, { role: 'admin', username: 'boss' });
    const a = await createUser(t, { username: 'carla', email: 'carla@example.com' });
    await createUser(t, { username: 'dimitri' });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/users?sort=${encodeURIComponent('["username","ASC"]')}&range=${encodeURIComponent('[0,1]')}`,
      headers: bearer(admin.token),
    });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-range']).toBe('users 0-1/3');
    expect(list.json().map((u: { username: string }) => u.username)).toEqual(['boss', 'carla']);
    expect(list.json()[0]).not.toHaveProperty('passwordHash');

    const search = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/users?filter=${encodeURIComponent('{"q":"carla@"}')}`,
      headers: bearer(admin.token),
    });
    expect(search.json().map((u: { id: number }) => u.id)).toEqual([a.user.id]);

    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/admin/users?sort=${encodeURIComponent('["passwordHash","ASC"]')}`, headers: bearer(admin.token) });
    expect(bad.statusCode).toBe(400);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: bearer(a.token) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
  });

  it('PUT disables a user, whose token stops working at once; re-enabling lets them sign in again', async () => {
    const admin = await createUser(t, { role: 'admin' });
    const target = await createUser(t);
    const put = (payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/admin/users/${target.user.id}`, headers: bearer(admin.token), payload });
    const res = await put({ ...target.user, isActive: false, passwordHash: 'ignored', email: 'ignored@example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isActive: false, email: target.user.email });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(target.token) })).statusCode).toBe(401);
    await put({ isActive: true });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: target.user.username, password: target.password } });
    expect(login.statusCode).toBe(200);
  });

  it('PUT promotes to admin; invalid values are 400; an admin cannot demote or disable themself', async () => {
    const admin = await createUser(t, { role: 'admin' });
    const target = await createUser(t);
    const put = (id: number, payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/admin/users/${id}`, headers: bearer(admin.token), payload });
    expect((await put(target.user.id, { role: 'superuser' })).statusCode).toBe(400);
    expect((await put(target.user.id, { role: 'admin' })).json().role).toBe('admin');
    const self = await put(admin.user.id, { role: 'customer' });
    expect(self.statusCode).toBe(409);
    expect((await put(admin.user.id, { isActive: false })).statusCode).toBe(409);
    expect((await put(999999, { role: 'admin' })).statusCode).toBe(404);
  });
});
