import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795738060155 implements MigrationInterface {
  name = 'Accounts1795738060155';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `email` varchar(254) NULL, `username` varchar(32) NOT NULL, `passwordHash` varchar(255) NULL, `displayName` varchar(60) NULL, `avatar` varchar(255) NULL, `avatarChoice` enum ('aurora', 'ember', 'forest', 'ocean', 'sunset', 'violet', 'slate', 'gold') NULL, `piUid` varchar(64) NULL, `piUsername` varchar(64) NULL, `role` enum ('customer', 'admin') NOT NULL DEFAULT 'customer', `isActive` tinyint NOT NULL DEFAULT 1, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `lastLoginAt` datetime(3) NULL, UNIQUE INDEX `IDX_a40f98fdf54bd8d882cab55fb4` (`piUid`), UNIQUE INDEX `IDX_fe0bb3f6520ee0469504521e71` (`username`), UNIQUE INDEX `IDX_97672ac88f789774dd47f7c8be` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `refresh_tokens` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `familyId` varchar(36) NOT NULL, `tokenHash` varchar(64) NOT NULL, `accessJti` varchar(36) NOT NULL, `expiresAt` datetime(3) NOT NULL, `rotatedAt` datetime(3) NULL, `revokedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_610102b60fea1455310ccd299d` (`userId`), INDEX `IDX_40e9a8b923a1b3fb4429a5c624` (`familyId`), UNIQUE INDEX `IDX_c25bc63d248ca90e8dcc1d92d0` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `revoked_access_tokens` (`id` int NOT NULL AUTO_INCREMENT, `jti` varchar(36) NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `IDX_443757c9837e7e637a3e89d34d` (`expiresAt`), UNIQUE INDEX `IDX_340815421be58a8330570a1d6f` (`jti`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `login_attempts` (`id` int NOT NULL AUTO_INCREMENT, `login` varchar(254) NOT NULL, `ip` varchar(45) NOT NULL, `failures` int NOT NULL DEFAULT '0', `firstFailureAt` datetime(3) NOT NULL, `lastFailureAt` datetime(3) NOT NULL, `lockedUntil` datetime(3) NULL, INDEX `IDX_04195fcbad2b4e8fc9379cfae0` (`lockedUntil`), UNIQUE INDEX `IDX_776d35403e303dac0782bc4447` (`login`, `ip`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `password_reset_tokens` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `tokenHash` varchar(64) NOT NULL, `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_d6a19d4b4f6c62dcd29daa497e` (`userId`), UNIQUE INDEX `IDX_1143abb8c3fad8b06dd857a8c9` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `refresh_tokens` ADD CONSTRAINT `FK_610102b60fea1455310ccd299de` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `password_reset_tokens` ADD CONSTRAINT `FK_d6a19d4b4f6c62dcd29daa497e2` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `password_reset_tokens` DROP FOREIGN KEY `FK_d6a19d4b4f6c62dcd29daa497e2`");
    await queryRunner.query("ALTER TABLE `refresh_tokens` DROP FOREIGN KEY `FK_610102b60fea1455310ccd299de`");
    await queryRunner.query("DROP INDEX `IDX_1143abb8c3fad8b06dd857a8c9` ON `password_reset_tokens`");
    await queryRunner.query("DROP INDEX `IDX_d6a19d4b4f6c62dcd29daa497e` ON `password_reset_tokens`");
    await queryRunner.query("DROP TABLE `password_reset_tokens`");
    await queryRunner.query("DROP INDEX `IDX_776d35403e303dac0782bc4447` ON `login_attempts`");
    await queryRunner.query("DROP INDEX `IDX_04195fcbad2b4e8fc9379cfae0` ON `login_attempts`");
    await queryRunner.query("DROP TABLE `login_attempts`");
    await queryRunner.query("DROP INDEX `IDX_340815421be58a8330570a1d6f` ON `revoked_access_tokens`");
    await queryRunner.query("DROP INDEX `IDX_443757c9837e7e637a3e89d34d` ON `revoked_access_tokens`");
    await queryRunner.query("DROP TABLE `revoked_access_tokens`");
    await queryRunner.query("DROP INDEX `IDX_c25bc63d248ca90e8dcc1d92d0` ON `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_40e9a8b923a1b3fb4429a5c624` ON `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_610102b60fea1455310ccd299d` ON `refresh_tokens`");
    await queryRunner.query("DROP TABLE `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_97672ac88f789774dd47f7c8be` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_fe0bb3f6520ee0469504521e71` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_a40f98fdf54bd8d882cab55fb4` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
  }
}
