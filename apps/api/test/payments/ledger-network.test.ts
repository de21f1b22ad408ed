import type { AddressInfo } from 'node:net';
import { buildPiSandbox, PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-sandbox';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { TEST_ENV } from '../support/app';
import { createTestDatabase } from '../support/database';
import { closedPort } from './local-server';
import { APP_WALLET, PI_KEY } from './world';

/** The Horizon the app checks payments on must be a ledger of PI_NETWORK: asked at start. */
describe('ledger network at start', () => {
  let sandbox: ReturnType<typeof buildPiSandbox>;
  let sandboxUrl: string;
  beforeAll(async () => {
    sandbox = buildPiSandbox({ apiKey: PI_KEY, appWalletSeed: PI_SANDBOX_DEV_APP_WALLET_SEED }); // a Pi Testnet ledger
    await sandbox.listen({ port: 0, host: '127.0.0.1' });
    sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
  });
  afterAll(() => sandbox.close());

  async function start(env: Record<string, string>) {
    const db = await createTestDatabase();
    const config = loadConfig({ ...TEST_ENV, PI_API_KEY: PI_KEY, PI_API_BASE_URL: sandboxUrl, PI_APP_WALLET_ADDRESS: APP_WALLET, ...env });
    config.database = db.config;
    const app = await buildApp(config, { dataSource: db.ds, closeDataSource: true, logger: false });
    const ready = await app.ready().then(() => null, (err: Error) => err);
    await app.close();
    await db.cleanup();
    return ready;
  }

  it('refuses a Mainnet app whose custom PI_HORIZON_URL is a Testnet ledger', async () => {
    const refused = await start({ PI_NETWORK: 'Pi Network', PI_HORIZON_URL: `${sandboxUrl}/ledger` });
    expect(refused?.message).toMatch(/PI_HORIZON_URL: is a "Pi Testnet" ledger but PI_NETWORK is "Pi Network"/);
  });

  it('starts when they agree, and when the ledger cannot be reached yet (payments wait for it)', async () => {
    expect(await start({ PI_NETWORK: 'Pi Testnet', PI_HORIZON_URL: `${sandboxUrl}/ledger` })).toBeNull();
    expect(await start({ PI_NETWORK: 'Pi Network', PI_HORIZON_URL: `${await closedPort()}/ledger` })).toBeNull();
  });
});
