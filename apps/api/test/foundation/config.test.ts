import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Keypair } from '@stellar/stellar-sdk';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS } from '@pishop/pi-protocol';
import { ConfigError, loadConfig } from '../../src/config';

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

  it('requires JWT_SECRET in production', () => {
    expect(issuesOf({ NODE_ENV: 'production' }).map((i) => i.key)).toEqual(['JWT_SECRET']);
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
      timeout: 20000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${key}:`);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
