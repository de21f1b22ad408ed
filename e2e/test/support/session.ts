import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

export interface E2eSession {
  server: RunningServer;
  browser: Browser;
  /** One page shared by the tests of the block, so a journey can go on from test to test. */
  page: Page;
}

/**
 * A fresh server (own SQLite file) and browser for the describe block this is called in,
 * closed after it. `prepare` runs against the server before the browser starts.
 */
export function useServerAndBrowser(prepare?: (server: RunningServer) => void | Promise<void>): E2eSession {
  const session = {} as E2eSession;
  beforeAll(async () => {
    session.server = await startServer();
    await prepare?.(session.server);
    session.browser = await launchBrowser();
    session.page = await session.browser.newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
