import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogContent1795738190437 implements MigrationInterface {
  name = 'CatalogContent1795738190437';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"services\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"title\" varchar(200) NOT NULL, \"slug\" varchar(200) NOT NULL, \"summary\" varchar(500) NOT NULL DEFAULT (''), \"description\" text NOT NULL, \"priceEurCents\" integer NOT NULL, \"imageMediaId\" integer, \"previewMediaId\" integer, \"active\" boolean NOT NULL DEFAULT (1), \"featured\" boolean NOT NULL DEFAULT (0), \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_services_slug\" ON \"services\" (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"IDX_services_active_position\" ON \"services\" (\"active\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"service_features\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(1000) NOT NULL DEFAULT (''), \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_service_features_service\" ON \"service_features\" (\"serviceId\") ");
    await queryRunner.query("CREATE TABLE \"service_faqs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"question\" varchar(300) NOT NULL, \"answer\" text NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_service_faqs_service\" ON \"service_faqs\" (\"serviceId\") ");
    await queryRunner.query("CREATE TABLE \"posts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"title\" varchar(200) NOT NULL, \"slug\" varchar(200) NOT NULL, \"excerpt\" varchar(500) NOT NULL DEFAULT (''), \"body\" text NOT NULL, \"imageMediaId\" integer, \"published\" boolean NOT NULL DEFAULT (0), \"publishedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_posts_slug\" ON \"posts\" (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"IDX_posts_published_at\" ON \"posts\" (\"published\", \"publishedAt\") ");
    await queryRunner.query("CREATE TABLE \"projects\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"title\" varchar(200) NOT NULL, \"slug\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"imageMediaId\" integer, \"previewMediaId\" integer, \"link\" varchar(500), \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_projects_slug\" ON \"projects\" (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"pages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"slug\" varchar(200) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_pages_slug\" ON \"pages\" (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"temporary_service_features\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(1000) NOT NULL DEFAULT (''), \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_c0b1e016535db53b89b4c5043f3\" FOREIGN KEY (\"serviceId\") REFERENCES \"services\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_service_features\"(\"id\", \"serviceId\", \"title\", \"description\", \"position\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"serviceId\", \"title\", \"description\", \"position\", \"createdAt\", \"updatedAt\" FROM \"service_features\"");
    await queryRunner.query("DROP TABLE \"service_features\"");
    await queryRunner.query("ALTER TABLE \"temporary_service_features\" RENAME TO \"service_features\"");
    await queryRunner.query("CREATE INDEX \"IDX_service_features_service\" ON \"service_features\" (\"serviceId\") ");
    await queryRunner.query("CREATE TABLE \"temporary_service_faqs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"question\" varchar(300) NOT NULL, \"answer\" text NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_b3e12f5c4b162941fa35956a068\" FOREIGN KEY (\"serviceId\") REFERENCES \"services\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_service_faqs\"(\"id\", \"serviceId\", \"question\", \"answer\", \"position\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"serviceId\", \"question\", \"answer\", \"position\", \"createdAt\", \"updatedAt\" FROM \"service_faqs\"");
    await queryRunner.query("DROP TABLE \"service_faqs\"");
    await queryRunner.query("ALTER TABLE \"temporary_service_faqs\" RENAME TO \"service_faqs\"");
    await queryRunner.query("CREATE INDEX \"IDX_service_faqs_service\" ON \"service_faqs\" (\"serviceId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"service_faqs\" RENAME TO \"temporary_service_faqs\"");
    await queryRunner.query("CREATE TABLE \"service_faqs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"question\" varchar(300) NOT NULL, \"answer\" text NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"service_faqs\"(\"id\", \"serviceId\", \"question\", \"answer\", \"position\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"serviceId\", \"question\", \"answer\", \"position\", \"createdAt\", \"updatedAt\" FROM \"temporary_service_faqs\"");
    await queryRunner.query("DROP TABLE \"temporary_service_faqs\"");
    await queryRunner.query("CREATE INDEX \"IDX_service_faqs_service\" ON \"service_faqs\" (\"serviceId\") ");
    await queryRunner.query("ALTER TABLE \"service_features\" RENAME TO \"temporary_service_features\"");
    await queryRunner.query("CREATE TABLE \"service_features\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(1000) NOT NULL DEFAULT (''), \"position\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"service_features\"(\"id\", \"serviceId\", \"title\", \"description\", \"position\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"serviceId\", \"title\", \"description\", \"position\", \"createdAt\", \"updatedAt\" FROM \"temporary_service_features\"");
    await queryRunner.query("DROP TABLE \"temporary_service_features\"");
    await queryRunner.query("CREATE INDEX \"IDX_service_features_service\" ON \"service_features\" (\"serviceId\") ");
    await queryRunner.query("DROP TABLE \"pages\"");
    await queryRunner.query("DROP TABLE \"projects\"");
    await queryRunner.query("DROP TABLE \"posts\"");
    await queryRunner.query("DROP TABLE \"service_faqs\"");
    await queryRunner.query("DROP TABLE \"service_features\"");
    await queryRunner.query("DROP TABLE \"services\"");
  }
}
