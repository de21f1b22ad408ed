import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Keypair } from '@stellar/stellar-sdk';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS } from '@pishop/pi-protocol';
import { ConfigError, loadConfig } from '../../src/config';
import { PRODUCTION_ENV } from '../support/app';

const WALLET = PI_SANDBOX_DEV_APP_WALLET_ADDRESS;

function issuesOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('starts with defaults: embedded SQLite, local Pi sandbox with the development key', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.driver).toBe('sqlite');
    expect(config.pi.sandboxLocal).toBe(true);
    expect(config.pi.apiKey).toBe('pi-sandbox-dev-key');
    expect(config.pi.apiBaseUrl).toBe('http://127.0.0.1:3000/pi-sandbox');
    expect(config.pi.eurPerPi).toBe('0.30');
  });

  it('uses the real Pi Platform once a server key is set', () => {
    const config = loadConfig({ PI_API_KEY: 'live-key', PI_APP_WALLET_ADDRESS: WALLET });
    expect(config.pi.sandboxLocal).toBe(false);
    expect(config.pi.apiBaseUrl).toBe('https://api.minepi.com');
    expect(config.pi.horizonUrl).toBe('https://api.testnet.minepi.com');
    expect(config.pi.appWalletAddress).toBe(WALLET);
  });

  it("with the mounted sandbox, the app wallet is the sandbox's: its fixed development wallet, or the address of PI_SANDBOX_APP_WALLET_SEED", () => {
    expect(loadConfig({}).pi.appWalletAddress).toBe(PI_SANDBOX_DEV_APP_WALLET_ADDRESS);
    const seeded = Keypair.random();
    const config = loadConfig({ PI_SANDBOX_APP_WALLET_SEED: seeded.secret() });
    expect(config.pi.appWalletAddress).toBe(seeded.publicKey());
    const bad = issuesOf({ PI_SANDBOX_APP_WALLET_SEED: `S${'A'.repeat(55)}` });
    expect(bad.map((i) => i.key)).toEqual(['PI_SANDBOX_APP_WALLET_SEED']);
    expect(JSON.stringify(bad)).not.toContain('A'.repeat(55));
  });

  it('needs the app wallet once payments go to another Pi than the mounted sandbox, even without a server key', () => {
    const other = { PI_API_BASE_URL: 'https://pi.example.net' };
    expect(issuesOf(other).map((i) => i.key)).toEqual(['PI_APP_WALLET_ADDRESS']);
    const config = loadConfig({ ...other, PI_APP_WALLET_ADDRESS: WALLET });
    expect(config.pi.appWalletAddress).toBe(WALLET);
    // The sandbox's public seed is never the refund signer for another Pi.
    expect(config.pi.walletSeed).toBeUndefined();
  });

  it("picks the Horizon of PI_NETWORK: Mainnet payments are checked on Mainnet's ledger", () => {
    const config = loadConfig({ PI_API_KEY: 'live-key', PI_APP_WALLET_ADDRESS: WALLET, PI_NETWORK: 'Pi Network' });
    expect(config.pi.network).toBe('Pi Network');
    expect(config.pi.horizonUrl).toBe('https://api.mainnet.minepi.com');
  });

  it.each([
    [{ PI_NETWORK: 'Pi Network', PI_HORIZON_URL: 'https://api.testnet.minepi.com' }, 'PI_HORIZON_URL', /Pi Testnet ledger but PI_NETWORK is "Pi Network"/],
    [{ PI_NETWORK: 'Pi Testnet', PI_HORIZON_URL: 'https://api.mainnet.minepi.com/' }, 'PI_HORIZON_URL', /Pi Network ledger but PI_NETWORK is "Pi Testnet"/],
    [{ PI_NETWORK: 'Mainnet' }, 'PI_NETWORK', /Pi Network/],
    [{ PI_APP_WALLET_ADDRESS: undefined }, 'PI_APP_WALLET_ADDRESS', /required/],
    [{ PI_APP_WALLET_ADDRESS: 'GNOTAWALLET' }, 'PI_APP_WALLET_ADDRESS', /wallet address/],
  ])('refuses to start with a Pi network, ledger and wallet that disagree: %o', (env, key, message) => {
    const issues = issuesOf({ PI_API_KEY: 'live-key', PI_APP_WALLET_ADDRESS: WALLET, ...env } as Record<string, string>);
    expect(issues.find((i) => i.key === key)?.message).toMatch(message);
  });

  it('PUBLIC_URL follows PORT unless it is set (links in mails point at the running server)', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://shop.example.com/' }).publicUrl).toBe('https://shop.example.com');
  });

  it('picks the TypeORM driver from the URL scheme', () => {
    expect(loadConfig({ DATABASE_URL: 'mariadb://u:p@db:3306/shop' }).database).toEqual({ driver: 'mariadb', url: 'mysql://u:p@db:3306/shop' });
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/shop' }).database.driver).toBe('mysql');
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toEqual({ driver: 'sqlite', path: ':memory:' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'ftp://x'],
    ['PI_EUR_PER_PI', '0.123456789'],
    ['PI_EUR_PER_PI', '0'],
    ['RECAPTCHA_MIN_SCORE', '2'],
    ['PUBLIC_URL', 'not a url'],
    ['PI_SANDBOX', 'maybe'],
    ['JWT_SECRET', 'short'],
  ])('refuses %s=%s with a message naming the key', (key, value) => {
    const issues = issuesOf({ [key]: value });
    expect(issues.map((i) => i.key)).toEqual([key]);
    expect(issues[0].message).toMatch(/\w+/);
  });

  const PRODUCTION = PRODUCTION_ENV;

  it('starts in production with a secret, a Pi key and a mail server', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.host).toBe('0.0.0.0');
    expect(config.jwtSecret).toBe(PRODUCTION.JWT_SECRET);
    expect(config.forceHttps).toBe(true);
    expect(config.pi.sandboxControl).toBe(false);
    expect(config.serveSpas).toBe(true);
  });

  it.each([
    ['JWT_SECRET', { JWT_SECRET: undefined }, /required in production/],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }, /at least 32/],
    ['PI_API_KEY', { PI_API_KEY: undefined }, /ALLOW_SIMULATED_PI/],
    ['SMTP_URL', { SMTP_URL: undefined }, /ALLOW_LOG_ONLY_MAIL/],
    ['PI_SANDBOX_CONTROL', { PI_SANDBOX_CONTROL: 'true' }, /production/],
    ['WEBHOOKS_ALLOW_PRIVATE_TARGETS', { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }, /production/],
  ])('refuses production without a usable %s', (key, change, message) => {
    const env = { ...PRODUCTION, ...change } as Record<string, string>;
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const issues = issuesOf(env);
    expect(issues.map((i) => i.key)).toEqual([key]);
    expect(issues[0].message).toMatch(message);
  });

  it('runs production on the simulated Pi and log-only mail only when told so', () => {
    const { PI_API_KEY: _k, SMTP_URL: _s, ...rest } = PRODUCTION;
    expect(issuesOf(rest).map((i) => i.key).sort()).toEqual(['PI_API_KEY', 'SMTP_URL']);
    const config = loadConfig({ ...rest, ALLOW_SIMULATED_PI: 'true', ALLOW_LOG_ONLY_MAIL: 'true' });
    expect(config.pi.sandboxLocal).toBe(true);
    expect(config.allowLogOnlyMail).toBe(true);
  });

  it.each(['development', 'test', 'production'])('refuses the old public development secret (NODE_ENV=%s)', (mode) => {
    const issues = issuesOf({ ...PRODUCTION, NODE_ENV: mode, JWT_SECRET: 'development-only-secret-change-me-please-32+chars' });
    expect(issues.map((i) => i.key)).toEqual(['JWT_SECRET']);
    expect(issues[0].message).toMatch(/published/);
  });

  it('listens on localhost only outside production, unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...PRODUCTION, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('without JWT_SECRET: development keeps a secret in the data folder, tests get a random one per process', () => {
    const dev = loadConfig({}, '/srv/shop');
    expect(dev.jwtSecret).toBeNull();
    expect(dev.jwtSecretFile).toBe('/srv/shop/data/jwt-secret');
    expect(loadConfig({ USE_VOLUME_MEDIA: 'true' }).jwtSecretFile).toBe('/data/jwt-secret');
    const a = loadConfig({ NODE_ENV: 'test' }).jwtSecret!;
    expect(a.length).toBeGreaterThanOrEqual(48);
    expect(loadConfig({ NODE_ENV: 'test' }).jwtSecret).not.toBe(a);
  });

  it('picks the defaults that used to be NODE_ENV branches in config, and each can be set', () => {
    const dev = loadConfig({});
    expect([dev.serveSpas, dev.forceHttps, dev.pi.sandboxControl, dev.pi.reconcileIntervalSeconds]).toEqual([true, false, true, 60]);
    const test = loadConfig({ NODE_ENV: 'test' });
    expect([test.serveSpas, test.forceHttps, test.pi.sandboxControl, test.pi.reconcileIntervalSeconds]).toEqual([false, false, true, 0]);
    const set = loadConfig({ NODE_ENV: 'test', SERVE_SPAS: 'true', FORCE_HTTPS: 'true', PI_SANDBOX_CONTROL: 'false', PI_RECONCILE_INTERVAL_SECONDS: '30' });
    expect([set.serveSpas, set.forceHttps, set.pi.sandboxControl, set.pi.reconcileIntervalSeconds]).toEqual([true, true, false, 30]);
  });

  it('TRUST_PROXY takes a hop count or proxy addresses/CIDRs, never "trust any client"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: '::1,fd00::/8' }).trustProxy).toEqual(['::1', 'fd00::/8']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example.com', '99', '0.0.0.0/0', '::/0', '128.0.0.0/1', '8000::/1']) {
      expect(issuesOf({ TRUST_PROXY: bad }).map((i) => i.key)).toEqual(['TRUST_PROXY']);
    }
  });

  it('CORS_ORIGINS lists exact origins; "*" (any site, with credentials) is refused', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example.com', 'http://localhost:5173']);
    for (const bad of ['*', 'https://*.example.com', 'https://a.example.com/', 'a.example.com', 'ftp://a.example.com']) {
      expect(issuesOf({ CORS_ORIGINS: bad }).map((i) => i.key)).toEqual(['CORS_ORIGINS']);
    }
  });

  it("PI_FRAME_ANCESTORS defaults to Pi's app hosts and takes https origins only", () => {
    expect(loadConfig({}).pi.frameAncestors).toEqual(['https://minepi.com', 'https://*.minepi.com', 'https://pinet.com', 'https://*.pinet.com']);
    expect(loadConfig({ PI_FRAME_ANCESTORS: 'https://app.example.com https://*.example.org' }).pi.frameAncestors).toEqual(['https://app.example.com', 'https://*.example.org']);
    for (const bad of ['*', 'http://app.example.com', "'none'", 'https://*']) {
      expect(issuesOf({ PI_FRAME_ANCESTORS: bad }).map((i) => i.key)).toEqual(['PI_FRAME_ANCESTORS']);
    }
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'ftp://x'],
  ])('the server stops at start when %s=%s, naming the key', (key, value) => {
    const apiDir = path.resolve(__dirname, '../..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: { PATH: process.env.PATH, [key]: value },
      encoding: 'utf8',
      timeout: 90000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${key}:`);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
