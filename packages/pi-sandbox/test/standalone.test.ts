import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PiSandboxClient } from '../src';

// `pnpm pi-sandbox` runs dist/standalone.js: the same routes at the root of its own port.
describe('standalone sandbox process', () => {
  let child: ChildProcess;
  let base: string;

  beforeAll(async () => {
    child = spawn(process.execPath, [path.join(__dirname, '../dist/standalone.js')], {
      env: { PATH: process.env.PATH, PI_SANDBOX_PORT: '0', PI_API_KEY: 'standalone-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d;
        const m = out.match(/listening at (http:\/\/127\.0\.0\.1:\d+)/);
        if (m) resolve(m[1]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
  });
  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('serves the Platform API with the configured key, the wallet side and the SDK', async () => {
    const sandbox = new PiSandboxClient(base);
    const user = await sandbox.createUser({ username: 'solo' });
    expect((await sandbox.platform('standalone-key').me(user.accessToken)).uid).toBe(user.uid);
    const wrongKey = await fetch(`${base}/v2/payments/nope`, { headers: { Authorization: 'Key pi-sandbox-dev-key' } });
    expect(wrongKey.status).toBe(401);
    const sdk = await fetch(`${base}/sdk.js`);
    expect(sdk.headers.get('content-type')).toContain('javascript');
  });
});
