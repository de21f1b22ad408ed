import { spawn } from 'node:child_process';
import path from 'node:path';
import { Keypair } from '@stellar/stellar-sdk';
import { PiSandboxClient } from '../src';

const ENTRY = path.join(__dirname, '../dist/standalone.js');

/** Runs dist/standalone.js (what `pnpm pi-sandbox` runs) with only `env`; resolves its URL or its exit. */
function runStandalone(env: Record<string, string>) {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: String(process.env.PATH), PI_SANDBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<{ url: string } | { code: number | null; output: string }>((resolve) => {
    const onData = (d: Buffer) => {
      output += d;
      const m = output.match(/listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve({ url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => resolve({ code, output }));
  });
  return { child, started };
}

describe('standalone sandbox process', () => {
  const seed = Keypair.random();
  let run: ReturnType<typeof runStandalone>;
  let base: string;

  beforeAll(async () => {
    run = runStandalone({
      PI_API_KEY: 'standalone-key',
      PI_NETWORK: 'Pi Network',
      PI_SANDBOX_APP_WALLET_SEED: seed.secret(),
      PI_SANDBOX_APPROVAL_TIMEOUT_MS: '5000',
    });
    const outcome = await run.started;
    if (!('url' in outcome)) throw new Error(`the sandbox did not start: ${outcome.output}`);
    base = outcome.url;
  });
  afterAll(() => {
    run.child.kill('SIGTERM');
  });

  it('serves the Platform API with the configured key, the wallet side, the ledger and the SDK', async () => {
    const sandbox = new PiSandboxClient(base);
    const user = await sandbox.createUser({ username: 'solo' });
    expect((await sandbox.platform('standalone-key').me(user.accessToken)).uid).toBe(user.uid);
    const wrongKey = await fetch(`${base}/v2/payments/nope`, { headers: { Authorization: 'Key pi-sandbox-dev-key' } });
    expect(wrongKey.status).toBe(401);
    const sdk = await fetch(`${base}/sdk.js`);
    expect(sdk.headers.get('content-type')).toContain('javascript');
  });

  it('reads PI_NETWORK, PI_SANDBOX_APP_WALLET_SEED and PI_SANDBOX_APPROVAL_TIMEOUT_MS', async () => {
    const sandbox = new PiSandboxClient(base);
    expect(await sandbox.config()).toMatchObject({ network: 'Pi Network', appWalletAddress: seed.publicKey(), approvalTimeoutMs: 5000 });
    expect((await sandbox.ledger.root()).network_passphrase).toBe('Pi Network');
    expect((await sandbox.ledger.account(seed.publicKey())).account_id).toBe(seed.publicKey());
  });
});

describe('standalone sandbox with bad settings', () => {
  it.each([
    [{ PI_NETWORK: 'Mainnet' }, /network must be "Pi Network" or "Pi Testnet"/],
    [{ PI_SANDBOX_APPROVAL_TIMEOUT_MS: '0' }, /PI_SANDBOX_APPROVAL_TIMEOUT_MS must be an integer/],
    [{ PI_SANDBOX_APP_WALLET_SEED: 'SNOTASEED' }, /appWalletSeed must be a Stellar secret seed/],
  ])('refuses to start with %j and says why', async (env, message) => {
    const outcome = await runStandalone(env).started;
    expect(outcome).toEqual({ code: 1, output: expect.stringMatching(message) });
  });

  it('never prints the seed it refuses', async () => {
    const bad = `S${'A'.repeat(55)}`;
    const outcome = await runStandalone({ PI_SANDBOX_APP_WALLET_SEED: bad }).started;
    expect('output' in outcome && outcome.output).not.toContain(bad);
  });
});
