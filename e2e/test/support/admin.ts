import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningServer } from './server';

const ROOT = path.resolve(__dirname, '../../..');

/** Creates an admin with the operator CLI (`pnpm create-admin`), against the server's database. */
export function createAdmin(server: RunningServer, email: string, password: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', '--email', email, '--password', password], {
    cwd: path.join(ROOT, 'apps/api'),
    env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${path.join(server.dataDir, 'e2e.sqlite')}` },
    stdio: 'pipe',
  });
}

/** Signs in to the back office at /admin/ and waits for the console's menu. */
export async function signInToConsole(page: Page, server: RunningServer, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.getByLabel(/username/i).fill(email);
  await page.getByLabel(/password/i).first().fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('menuitem', { name: /orders/i }).first().waitFor();
}
