import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogContent1795738190437 implements MigrationInterface {
  name = 'CatalogContent1795738190437';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `services` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(200) NOT NULL, `slug` varchar(200) NOT NULL, `summary` varchar(500) NOT NULL DEFAULT '', `description` text NOT NULL, `priceEurCents` int NOT NULL, `imageMediaId` int NULL, `previewMediaId` int NULL, `active` tinyint NOT NULL DEFAULT 1, `featured` tinyint NOT NULL DEFAULT 0, `position` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_services_slug` (`slug`), INDEX `IDX_services_active_position` (`active`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_features` (`id` int NOT NULL AUTO_INCREMENT, `serviceId` int NOT NULL, `title` varchar(200) NOT NULL, `description` varchar(1000) NOT NULL DEFAULT '', `position` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_service_features_service` (`serviceId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_faqs` (`id` int NOT NULL AUTO_INCREMENT, `serviceId` int NOT NULL, `question` varchar(300) NOT NULL, `answer` text NOT NULL, `position` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_service_faqs_service` (`serviceId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `posts` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(200) NOT NULL, `slug` varchar(200) NOT NULL, `excerpt` varchar(500) NOT NULL DEFAULT '', `body` text NOT NULL, `imageMediaId` int NULL, `published` tinyint NOT NULL DEFAULT 0, `publishedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_posts_slug` (`slug`), INDEX `IDX_posts_published_at` (`published`, `publishedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `projects` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(200) NOT NULL, `slug` varchar(200) NOT NULL, `description` text NOT NULL, `imageMediaId` int NULL, `previewMediaId` int NULL, `link` varchar(500) NULL, `position` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_projects_slug` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `pages` (`id` int NOT NULL AUTO_INCREMENT, `slug` varchar(200) NOT NULL, `title` varchar(200) NOT NULL, `body` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_pages_slug` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `service_features` ADD CONSTRAINT `FK_c0b1e016535db53b89b4c5043f3` FOREIGN KEY (`serviceId`) REFERENCES `services`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_faqs` ADD CONSTRAINT `FK_b3e12f5c4b162941fa35956a068` FOREIGN KEY (`serviceId`) REFERENCES `services`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_faqs` DROP FOREIGN KEY `FK_b3e12f5c4b162941fa35956a068`");
    await queryRunner.query("ALTER TABLE `service_features` DROP FOREIGN KEY `FK_c0b1e016535db53b89b4c5043f3`");
    await queryRunner.query("DROP INDEX `UQ_pages_slug` ON `pages`");
    await queryRunner.query("DROP TABLE `pages`");
    await queryRunner.query("DROP INDEX `UQ_projects_slug` ON `projects`");
    await queryRunner.query("DROP TABLE `projects`");
    await queryRunner.query("DROP INDEX `IDX_posts_published_at` ON `posts`");
    await queryRunner.query("DROP INDEX `UQ_posts_slug` ON `posts`");
    await queryRunner.query("DROP TABLE `posts`");
    await queryRunner.query("DROP INDEX `IDX_service_faqs_service` ON `service_faqs`");
    await queryRunner.query("DROP TABLE `service_faqs`");
    await queryRunner.query("DROP INDEX `IDX_service_features_service` ON `service_features`");
    await queryRunner.query("DROP TABLE `service_features`");
    await queryRunner.query("DROP INDEX `IDX_services_active_position` ON `services`");
    await queryRunner.query("DROP INDEX `UQ_services_slug` ON `services`");
    await queryRunner.query("DROP TABLE `services`");
  }
}
