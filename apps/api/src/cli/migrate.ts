import { loadConfigFromEnvFile } from '../config';
import { openDataSource, runMigrations } from '../db/database';
import { runCli } from './run-cli';

runCli(async () => {
  const config = loadConfigFromEnvFile();
  const ds = await openDataSource(config.database);
  try {
    const applied = await runMigrations(ds);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await ds.destroy();
  }
});
