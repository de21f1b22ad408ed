import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { catalogSeeder } from '../modules/catalog/catalog.seed';
import { contentSeeder } from '../modules/content/content.seed';

/** Loads demo data into an empty database; must change nothing when run twice. */
export interface Seeder {
  name: string;
  run(ds: DataSource, config: AppConfig): Promise<void>;
}

/** Each module that ships demo data adds its seeder here, in dependency order. */
export const seeders: Seeder[] = [catalogSeeder, contentSeeder];

export async function runSeeders(ds: DataSource, config: AppConfig, log: (msg: string) => void = () => {}) {
  for (const seeder of seeders) {
    await seeder.run(ds, config);
    log(`demo data: ${seeder.name} ready`);
  }
}
