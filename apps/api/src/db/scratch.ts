import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../config';

/** Same server as `url`, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'test';
}

/** Drops (optionally) and creates a database on a MySQL/MariaDB server. */
export async function recreateMysqlDatabase(url: string, name: string, drop = true): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const conn = await createConnection({ uri: withDatabaseName(url.replace(/^mariadb:/, 'mysql:'), '') });
  try {
    if (drop) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropMysqlDatabase(url: string, name: string): Promise<void> {
  const conn = await createConnection({ uri: withDatabaseName(url.replace(/^mariadb:/, 'mysql:'), '') });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

export function mysqlConfig(url: string, name: string): DatabaseConfig {
  const driver = url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  return { driver, url: withDatabaseName(url.replace(/^mariadb:/, 'mysql:'), name) };
}
