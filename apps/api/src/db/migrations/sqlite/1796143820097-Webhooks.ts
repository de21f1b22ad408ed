import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796143820097 implements MigrationInterface {
  name = 'Webhooks1796143820097';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"webhook_endpoints\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"url\" varchar(2000) NOT NULL, \"events\" json NOT NULL, \"secret\" varchar(200) NOT NULL, \"description\" varchar(200) NOT NULL DEFAULT (''), \"enabled\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"webhook_deliveries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"endpointId\" integer NOT NULL, \"eventId\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','succeeded','failed') ) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime(3), \"lockedUntil\" datetime(3), \"lastStatusCode\" integer, \"lastError\" varchar(500), \"deliveredAt\" datetime(3), \"queuedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_deliveries_endpoint\" ON \"webhook_deliveries\" (\"endpointId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_deliveries_event\" ON \"webhook_deliveries\" (\"eventId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_deliveries_due\" ON \"webhook_deliveries\" (\"status\", \"nextAttemptAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"webhook_deliveries\"");
    await queryRunner.query("DROP TABLE \"webhook_endpoints\"");
  }
}
