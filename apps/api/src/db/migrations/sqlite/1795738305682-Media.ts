import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Media1795738305682 implements MigrationInterface {
  name = 'Media1795738305682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"media\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('image','video') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('processing','ready','failed') ) NOT NULL, \"mime\" varchar(100) NOT NULL, \"size\" integer NOT NULL, \"fileKey\" varchar(255), \"originalKey\" varchar(255), \"thumbnails\" json, \"width\" integer, \"height\" integer, \"error\" varchar(500), \"originalName\" varchar(255), \"uploadedBy\" varchar(64), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_media_status\" ON \"media\" (\"status\") ");
    await queryRunner.query("CREATE TABLE \"media_jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"mediaId\" integer NOT NULL, \"task\" varchar CHECK( \"task\" IN ('video_preview','image_thumbnails') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('queued','running','done','failed') ) NOT NULL, \"activeMediaId\" integer, \"inputKey\" varchar(255) NOT NULL, \"outputBase\" varchar(64) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"claimedBy\" varchar(200), \"heartbeatAt\" datetime(3), \"finishedAt\" datetime(3), \"error\" varchar(1000), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_media_jobs_media\" ON \"media_jobs\" (\"mediaId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_media_jobs_active\" ON \"media_jobs\" (\"activeMediaId\") ");
    await queryRunner.query("CREATE INDEX \"idx_media_jobs_status\" ON \"media_jobs\" (\"status\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"temporary_media_jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"mediaId\" integer NOT NULL, \"task\" varchar CHECK( \"task\" IN ('video_preview','image_thumbnails') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('queued','running','done','failed') ) NOT NULL, \"activeMediaId\" integer, \"inputKey\" varchar(255) NOT NULL, \"outputBase\" varchar(64) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"claimedBy\" varchar(200), \"heartbeatAt\" datetime(3), \"finishedAt\" datetime(3), \"error\" varchar(1000), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_35b0fa98dc4cfba1d37265d48fd\" FOREIGN KEY (\"mediaId\") REFERENCES \"media\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_media_jobs\"(\"id\", \"mediaId\", \"task\", \"status\", \"activeMediaId\", \"inputKey\", \"outputBase\", \"attempts\", \"claimedBy\", \"heartbeatAt\", \"finishedAt\", \"error\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"mediaId\", \"task\", \"status\", \"activeMediaId\", \"inputKey\", \"outputBase\", \"attempts\", \"claimedBy\", \"heartbeatAt\", \"finishedAt\", \"error\", \"createdAt\", \"updatedAt\" FROM \"media_jobs\"");
    await queryRunner.query("DROP TABLE \"media_jobs\"");
    await queryRunner.query("ALTER TABLE \"temporary_media_jobs\" RENAME TO \"media_jobs\"");
    await queryRunner.query("CREATE INDEX \"idx_media_jobs_media\" ON \"media_jobs\" (\"mediaId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_media_jobs_active\" ON \"media_jobs\" (\"activeMediaId\") ");
    await queryRunner.query("CREATE INDEX \"idx_media_jobs_status\" ON \"media_jobs\" (\"status\", \"id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"media_jobs\" RENAME TO \"temporary_media_jobs\"");
    await queryRunner.query("CREATE TABLE \"media_jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"mediaId\" integer NOT NULL, \"task\" varchar CHECK( \"task\" IN ('video_preview','image_thumbnails') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('queued','running','done','failed') ) NOT NULL, \"activeMediaId\" integer, \"inputKey\" varchar(255) NOT NULL, \"outputBase\" varchar(64) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"claimedBy\" varchar(200), \"heartbeatAt\" datetime(3), \"finishedAt\" datetime(3), \"error\" varchar(1000), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"media_jobs\"(\"id\", \"mediaId\", \"task\", \"status\", \"activeMediaId\", \"inputKey\", \"outputBase\", \"attempts\", \"claimedBy\", \"heartbeatAt\", \"finishedAt\", \"error\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"mediaId\", \"task\", \"status\", \"activeMediaId\", \"inputKey\", \"outputBase\", \"attempts\", \"claimedBy\", \"heartbeatAt\", \"finishedAt\", \"error\", \"createdAt\", \"updatedAt\" FROM \"temporary_media_jobs\"");
    await queryRunner.query("DROP TABLE \"temporary_media_jobs\"");
    await queryRunner.query("CREATE INDEX \"idx_media_jobs_status\" ON \"media_jobs\" (\"status\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_media_jobs_active\" ON \"media_jobs\" (\"activeMediaId\") ");
    await queryRunner.query("CREATE INDEX \"idx_media_jobs_media\" ON \"media_jobs\" (\"mediaId\") ");
    await queryRunner.query("DROP TABLE \"media_jobs\"");
    await queryRunner.query("DROP TABLE \"media\"");
  }
}
