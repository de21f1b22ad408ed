import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Media1795738305682 implements MigrationInterface {
  name = 'Media1795738305682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `media` (`id` int NOT NULL AUTO_INCREMENT, `kind` enum ('image', 'video') NOT NULL, `status` enum ('processing', 'ready', 'failed') NOT NULL, `mime` varchar(100) NOT NULL, `size` int NOT NULL, `fileKey` varchar(255) NULL, `originalKey` varchar(255) NULL, `thumbnails` json NULL, `width` int NULL, `height` int NULL, `error` varchar(500) NULL, `originalName` varchar(255) NULL, `uploadedBy` varchar(64) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_media_status` (`status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `media_jobs` (`id` int NOT NULL AUTO_INCREMENT, `mediaId` int NOT NULL, `task` enum ('video_preview', 'image_thumbnails') NOT NULL, `status` enum ('queued', 'running', 'done', 'failed') NOT NULL, `activeMediaId` int NULL, `inputKey` varchar(255) NOT NULL, `outputBase` varchar(64) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `claimedBy` varchar(200) NULL, `heartbeatAt` datetime(3) NULL, `finishedAt` datetime(3) NULL, `error` varchar(1000) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_media_jobs_media` (`mediaId`), UNIQUE INDEX `uq_media_jobs_active` (`activeMediaId`), INDEX `idx_media_jobs_status` (`status`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `media_jobs` ADD CONSTRAINT `FK_35b0fa98dc4cfba1d37265d48fd` FOREIGN KEY (`mediaId`) REFERENCES `media`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `media_jobs` DROP FOREIGN KEY `FK_35b0fa98dc4cfba1d37265d48fd`");
    await queryRunner.query("DROP INDEX `idx_media_jobs_status` ON `media_jobs`");
    await queryRunner.query("DROP INDEX `uq_media_jobs_active` ON `media_jobs`");
    await queryRunner.query("DROP INDEX `idx_media_jobs_media` ON `media_jobs`");
    await queryRunner.query("DROP TABLE `media_jobs`");
    await queryRunner.query("DROP INDEX `idx_media_status` ON `media`");
    await queryRunner.query("DROP TABLE `media`");
  }
}
