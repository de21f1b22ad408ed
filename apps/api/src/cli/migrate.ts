import { loadConfigFromEnvFile } from '../config';
import { dataSourceSettings, openDataSource, runMigrations } from '../db/database';
import { runCli } from './run-cli';

runCli(async () => {
  const config = loadConfigFromEnvFile();
  const ds = await openDataSource(config.database, dataSourceSettings(config));
  try {
    const applied = await runMigrations(ds);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await ds.destroy();
  }
});
