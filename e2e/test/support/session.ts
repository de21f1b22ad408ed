import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

export interface E2eSession {
  server: RunningServer;
  browser: Browser;
  /** A page of its own for each test, in a fresh browser context (no cookies or storage from another test). */
  page: Page;
}

/**
 * A fresh server (own SQLite file) and browser for the describe block this is called in,
 * closed after it, with `env` added to the server's settings. `prepare` runs against the server
 * before the browser starts. Each test
 * gets a new page in a new context, so no test depends on where another one left off.
 */
export function useServerAndBrowser(prepare?: (server: RunningServer) => void | Promise<void>, env: Record<string, string> = {}): E2eSession {
  const session = {} as E2eSession;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    session.server = await startServer(env);
    await prepare?.(session.server);
    session.browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await session.browser.newContext();
    session.page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
