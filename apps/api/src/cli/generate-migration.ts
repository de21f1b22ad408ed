import fs from 'node:fs';
import path from 'node:path';
import type { Query } from 'typeorm/driver/Query';
import { openDataSource, runMigrations } from '../db/database';
import { migrationsDir, type MigrationSet } from '../db/data-source-options';
import { withScratchDatabase } from '../db/schema-check';
import { argValue, runCli } from './run-cli';

/**
 * `db:generate <Name> [--tables a,b]`: writes one migration per SQL dialect (SQLite and
 * MySQL/MariaDB) from the difference between the entities and the existing migrations.
 * `--tables` keeps only statements about those tables (when other work is in progress).
 */
runCli(async () => {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--') && a !== argValue(args, 'tables'));
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('Usage: db:generate <PascalCaseName> [--tables t1,t2] [--mysql-url mariadb://root@127.0.0.1:3306/test]');
    return 2;
  }
  const tables = argValue(args, 'tables')?.split(',').filter(Boolean);
  const mysqlUrl = argValue(args, 'mysql-url') ?? process.env.MIGRATION_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/pishop_gen';
  const timestamp = Date.now();
  await generateFor('sqlite', 'sqlite', name, timestamp, tables);
  await generateFor({ mysqlUrl }, 'mysql', name, timestamp, tables);
  return 0;
});

async function generateFor(
  kind: 'sqlite' | { mysqlUrl: string },
  set: MigrationSet,
  name: string,
  timestamp: number,
  tables?: string[],
) {
  const log = await withScratchDatabase(kind, async (db) => {
    const ds = await openDataSource(db);
    try {
      await runMigrations(ds);
      return await ds.driver.createSchemaBuilder().log();
    } finally {
      await ds.destroy();
    }
  });
  const up = keep(log.upQueries, tables);
  const down = keep(log.downQueries, tables).reverse();
  if (up.length === 0) {
    console.log(`${set}: no changes.`);
    return;
  }
  const file = path.join(migrationsDir(set).replace(`${path.sep}dist${path.sep}`, `${path.sep}src${path.sep}`), `${timestamp}-${name}.ts`);
  fs.writeFileSync(file, render(`${name}${timestamp}`, up, down));
  console.log(`${set}: wrote ${path.relative(process.cwd(), file)} (${up.length} statements)`);
}

function keep(queries: Query[], tables?: string[]): Query[] {
  if (!tables) return queries;
  const mentions = tables.map((t) => new RegExp(`[\`"](temporary_)?${t}[\`"]`));
  return queries.filter((q) => mentions.some((re) => re.test(q.query)));
}

function render(className: string, up: Query[], down: Query[]): string {
  const lines = (qs: Query[]) =>
    qs.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}
