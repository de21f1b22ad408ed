import dotenv from 'dotenv';
import path from 'node:path';
import { ROOT_DIR } from '../config';
import { mysqlUrlFromEnv, schemaDrift } from '../db/schema-check';
import { runCli } from './run-cli';

/** Fails when entities and migrations have drifted: on SQLite always, on MySQL/MariaDB when configured. */
runCli(async () => {
  dotenv.config({ path: path.join(ROOT_DIR, '.env'), quiet: true });
  const targets: ['sqlite' | { mysqlUrl: string }, string][] = [['sqlite', 'SQLite']];
  const mysqlUrl = mysqlUrlFromEnv();
  if (mysqlUrl) targets.push([{ mysqlUrl }, mysqlUrl.startsWith('mariadb:') ? 'MariaDB' : 'MySQL']);
  else console.log('MySQL/MariaDB: skipped (set DB_CHECK_URL, DATABASE_URL or TEST_DATABASE_URL to mysql://... or mariadb://...)');

  let failed = false;
  for (const [kind, label] of targets) {
    const drift = await schemaDrift(kind);
    if (drift.length === 0) {
      console.log(`${label}: migrations match the entities.`);
      continue;
    }
    failed = true;
    console.error(`${label}: entities and migrations have drifted. Run \`pnpm --filter @pishop/api db:generate <Name>\`. Pending:`);
    for (const q of drift) console.error(`  ${q}`);
  }
  return failed ? 1 : 0;
});
