import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796143820097 implements MigrationInterface {
  name = 'Webhooks1796143820097';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `webhook_endpoints` (`id` int NOT NULL AUTO_INCREMENT, `url` varchar(2000) NOT NULL, `events` json NOT NULL, `secret` varchar(200) NOT NULL, `description` varchar(200) NOT NULL DEFAULT '', `enabled` tinyint NOT NULL DEFAULT 1, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `webhook_deliveries` (`id` int NOT NULL AUTO_INCREMENT, `endpointId` int NOT NULL, `eventId` varchar(36) NOT NULL, `type` varchar(40) NOT NULL, `payload` text NOT NULL, `status` enum ('pending', 'succeeded', 'failed') NOT NULL DEFAULT 'pending', `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime(3) NULL, `lockedUntil` datetime(3) NULL, `lastStatusCode` int NULL, `lastError` varchar(500) NULL, `deliveredAt` datetime(3) NULL, `queuedAt` datetime(3) NOT NULL, INDEX `IDX_webhook_deliveries_endpoint` (`endpointId`), INDEX `IDX_webhook_deliveries_event` (`eventId`), INDEX `IDX_webhook_deliveries_due` (`status`, `nextAttemptAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_webhook_deliveries_due` ON `webhook_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_webhook_deliveries_event` ON `webhook_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_webhook_deliveries_endpoint` ON `webhook_deliveries`");
    await queryRunner.query("DROP TABLE `webhook_deliveries`");
    await queryRunner.query("DROP TABLE `webhook_endpoints`");
  }
}
