import { buildAccountsApp } from './helpers';

describe('OpenAPI', () => {
  it('documents the accounts routes', async () => {
    const t = await buildAccountsApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const paths = res.json().paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>;
      const expected: [string, string][] = [
        ['/api/v1/auth/register', 'post'], ['/api/v1/auth/login', 'post'], ['/api/v1/auth/refresh', 'post'],
        ['/api/v1/auth/logout', 'post'], ['/api/v1/auth/password-reset', 'post'], ['/api/v1/auth/password-reset/confirm', 'post'],
        ['/api/v1/auth/pi', 'post'], ['/api/v1/auth/config', 'get'], ['/api/v1/me', 'get'], ['/api/v1/me', 'patch'],
        ['/api/v1/me/avatar', 'post'], ['/api/v1/cv', 'get'], ['/api/v1/admin/cv', 'post'],
        ['/api/v1/admin/login-lockouts/{id}', 'delete'], ['/api/v1/admin/users', 'get'],
      ];
      for (const [p, method] of expected) {
        expect(paths[p]?.[method]?.summary).toEqual(expect.any(String));
      }
      const register = paths['/api/v1/auth/register'].post as unknown as { requestBody: { content: Record<string, { schema: { properties: object } }> } };
      expect(Object.keys(register.requestBody.content['application/json'].schema.properties)).toEqual(
        expect.arrayContaining(['email', 'username', 'password', 'recaptchaToken']),
      );
    } finally {
      await t.close();
    }
  });
});
