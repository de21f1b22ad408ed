import { buildTestApp, PRODUCTION_ENV, type TestApp } from '../support/app';

const PI_HOSTS = ['https://minepi.com', 'https://*.minepi.com', 'https://pinet.com', 'https://*.pinet.com'];
const PRODUCTION = { ...PRODUCTION_ENV, PI_SANDBOX_CONTROL: 'false', PUBLIC_URL: 'https://shop.example.com' };

/** The CSP directive's sources, exactly. */
function directive(csp: string, name: string): string[] | undefined {
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found?.slice(1);
}

describe('security headers: Pi Browser may frame the app in every mode, nobody else', () => {
  const modes: [string, Record<string, string>, string[]][] = [
    ['test defaults', {}, PI_HOSTS],
    ['development', { NODE_ENV: 'development', JWT_SECRET: 'd'.repeat(40) }, PI_HOSTS],
    ['production', PRODUCTION, PI_HOSTS],
    ['PI_SANDBOX=true (only the SDK mode)', { PI_SANDBOX: 'true' }, PI_HOSTS],
    ['production with PI_SANDBOX=true', { ...PRODUCTION, PI_SANDBOX: 'true' }, PI_HOSTS],
    ['a configured PI_FRAME_ANCESTORS', { PI_FRAME_ANCESTORS: 'https://app.example.org, https://*.frames.example.net' }, ['https://app.example.org', 'https://*.frames.example.net']],
  ];

  it.each(modes)('%s', async (_name, env, ancestors) => {
    const t: TestApp = await buildTestApp(env);
    try {
      for (const url of ['/api/v1/health', '/api/v1/auth/config', '/api/v1/nothing-here']) {
        const res = await t.app.inject({ method: 'GET', url });
        const csp = res.headers['content-security-policy'] as string;
        expect(directive(csp, 'frame-ancestors')).toEqual(["'self'", ...ancestors]);
        expect(res.headers['x-frame-options']).toBeUndefined();
        expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
        expect(res.headers['cross-origin-resource-policy']).toBeUndefined();
        expect(res.headers['permissions-policy']).toBe(`payment=(self ${ancestors.map((a) => `"${a}"`).join(' ')})`);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        // HTTPS-only headers follow FORCE_HTTPS (default: production), nothing else.
        const https = t.config.forceHttps;
        expect(res.headers['strict-transport-security'] !== undefined).toBe(https);
        expect(directive(csp, 'upgrade-insecure-requests') !== undefined).toBe(https);
      }
      // PI_SANDBOX reaches the storefront's Pi.init({sandbox}) and nothing else.
      const config = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
      expect(config.json().piSandbox).toBe(env.PI_SANDBOX === 'true');
    } finally {
      await t.close();
    }
  });

  it('FORCE_HTTPS can be set outside production', async () => {
    const t = await buildTestApp({ FORCE_HTTPS: 'true' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await t.close();
    }
  });
});
