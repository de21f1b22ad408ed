import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * One hash per table of everything stored in it, to prove a refused request stored nothing.
 * MySQL/MariaDB: `CHECKSUM TABLE` (one statement for all tables); SQLite: the rows themselves.
 */
export async function tableFingerprints(ds: DataSource, skip: readonly string[] = []): Promise<Map<string, string>> {
  const tables = [...new Set(ds.entityMetadatas.map((m) => m.tableName))].filter((t) => !skip.includes(t)).sort();
  const out = new Map<string, string>();
  if (ds.options.type === 'better-sqlite3') {
    for (const table of tables) {
      const rows: unknown[] = await ds.query(`SELECT * FROM "${table}" ORDER BY rowid`);
      out.set(table, createHash('sha1').update(JSON.stringify(rows)).digest('hex'));
    }
    return out;
  }
  const rows: { Table: string; Checksum: string | number | null }[] = await ds.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`);
  for (const row of rows) out.set(row.Table.split('.').pop() as string, String(row.Checksum));
  return out;
}

/** The tables whose hash differs between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
