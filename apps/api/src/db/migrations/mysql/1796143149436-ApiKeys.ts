import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1796143149436 implements MigrationInterface {
  name = 'ApiKeys1796143149436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `api_keys` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(100) NOT NULL, `prefix` varchar(24) NOT NULL, `secretHash` varchar(64) NOT NULL, `scopes` json NOT NULL, `createdById` int NOT NULL, `expiresAt` datetime(3) NULL, `lastUsedAt` datetime(3) NULL, `revokedAt` datetime(3) NULL, `rotatedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_api_keys_secret_hash` (`secretHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `UQ_api_keys_secret_hash` ON `api_keys`");
    await queryRunner.query("DROP TABLE `api_keys`");
  }
}
