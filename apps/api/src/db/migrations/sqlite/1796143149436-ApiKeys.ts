import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1796143149436 implements MigrationInterface {
  name = 'ApiKeys1796143149436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"api_keys\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"prefix\" varchar(24) NOT NULL, \"secretHash\" varchar(64) NOT NULL, \"scopes\" json NOT NULL, \"createdById\" integer NOT NULL, \"expiresAt\" datetime(3), \"lastUsedAt\" datetime(3), \"revokedAt\" datetime(3), \"rotatedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_api_keys_secret_hash\" ON \"api_keys\" (\"secretHash\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"api_keys\"");
  }
}
