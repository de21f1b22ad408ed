import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentLeasesModuleBoundaries1796128017670 implements MigrationInterface {
  name = 'PaymentLeasesModuleBoundaries1796128017670';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_threads_customer\"");
    await queryRunner.query("DROP INDEX \"UQ_threads_order\"");
    await queryRunner.query("CREATE TABLE \"temporary_threads\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"orderId\" integer NOT NULL, \"customerId\" integer NOT NULL, \"customerLastReadId\" integer NOT NULL DEFAULT (0), \"adminLastReadId\" integer NOT NULL DEFAULT (0), \"lastMessageAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_eac3f9a450d3d8ff1fc4314ae12\" FOREIGN KEY (\"customerId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_threads\"(\"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\" FROM \"threads\"");
    await queryRunner.query("DROP TABLE \"threads\"");
    await queryRunner.query("ALTER TABLE \"temporary_threads\" RENAME TO \"threads\"");
    await queryRunner.query("CREATE INDEX \"IDX_threads_customer\" ON \"threads\" (\"customerId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_threads_order\" ON \"threads\" (\"orderId\") ");
    await queryRunner.query("CREATE TABLE \"payment_leases\" (\"piPaymentId\" varchar(100) PRIMARY KEY NOT NULL, \"holder\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_payment_leases_expires\" ON \"payment_leases\" (\"expiresAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_payments_flagged\"");
    await queryRunner.query("DROP INDEX \"IDX_payments_status\"");
    await queryRunner.query("DROP INDEX \"UQ_payments_txid\"");
    await queryRunner.query("DROP INDEX \"UQ_payments_pi_payment_id\"");
    await queryRunner.query("DROP INDEX \"IDX_payments_order\"");
    await queryRunner.query("CREATE TABLE \"temporary_payments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"orderId\" integer NOT NULL, \"piPaymentId\" varchar(100), \"txid\" varchar(100), \"status\" varchar CHECK( \"status\" IN ('pending','initiated','confirmed','failed') ) NOT NULL DEFAULT ('pending'), \"priceEurCents\" integer NOT NULL, \"eurPerPi\" varchar(40) NOT NULL, \"amountPi\" varchar(40) NOT NULL, \"piUserUid\" varchar(100), \"toAddress\" varchar(100), \"flagged\" boolean NOT NULL DEFAULT (0), \"flagReason\" varchar(500), \"failureReason\" varchar(500), \"approvedAt\" datetime(3), \"confirmedAt\" datetime(3), \"failedAt\" datetime(3), \"lastCheckedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"orderNumber\" varchar(32) NOT NULL, CONSTRAINT \"FK_af929a5f2a400fdb6913b4967e1\" FOREIGN KEY (\"orderId\") REFERENCES \"orders\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_payments\"(\"id\", \"orderId\", \"piPaymentId\", \"txid\", \"status\", \"priceEurCents\", \"eurPerPi\", \"amountPi\", \"piUserUid\", \"toAddress\", \"flagged\", \"flagReason\", \"failureReason\", \"approvedAt\", \"confirmedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\", \"orderNumber\") SELECT \"id\", \"orderId\", \"piPaymentId\", \"txid\", \"status\", \"priceEurCents\", \"eurPerPi\", \"amountPi\", \"piUserUid\", \"toAddress\", \"flagged\", \"flagReason\", \"failureReason\", \"approvedAt\", \"confirmedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\", (SELECT \"number\" FROM \"orders\" WHERE \"orders\".\"id\" = \"payments\".\"orderId\") FROM \"payments\"");
    await queryRunner.query("DROP TABLE \"payments\"");
    await queryRunner.query("ALTER TABLE \"temporary_payments\" RENAME TO \"payments\"");
    await queryRunner.query("CREATE INDEX \"IDX_payments_flagged\" ON \"payments\" (\"flagged\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_status\" ON \"payments\" (\"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_payments_txid\" ON \"payments\" (\"txid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_payments_pi_payment_id\" ON \"payments\" (\"piPaymentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_order\" ON \"payments\" (\"orderId\") ");
    await queryRunner.query("DROP INDEX \"IDX_threads_customer\"");
    await queryRunner.query("DROP INDEX \"UQ_threads_order\"");
    await queryRunner.query("CREATE TABLE \"temporary_threads\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"orderId\" integer NOT NULL, \"customerId\" integer NOT NULL, \"customerLastReadId\" integer NOT NULL DEFAULT (0), \"adminLastReadId\" integer NOT NULL DEFAULT (0), \"lastMessageAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"orderNumber\" varchar(32) NOT NULL, \"orderStatus\" varchar CHECK( \"orderStatus\" IN ('pending','paid','cancelled') ) NOT NULL DEFAULT ('pending'), CONSTRAINT \"FK_eac3f9a450d3d8ff1fc4314ae12\" FOREIGN KEY (\"customerId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_threads\"(\"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\", \"orderNumber\", \"orderStatus\") SELECT \"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\", (SELECT \"number\" FROM \"orders\" WHERE \"orders\".\"id\" = \"threads\".\"orderId\"), (SELECT \"status\" FROM \"orders\" WHERE \"orders\".\"id\" = \"threads\".\"orderId\") FROM \"threads\"");
    await queryRunner.query("DROP TABLE \"threads\"");
    await queryRunner.query("ALTER TABLE \"temporary_threads\" RENAME TO \"threads\"");
    await queryRunner.query("CREATE INDEX \"IDX_threads_customer\" ON \"threads\" (\"customerId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_threads_order\" ON \"threads\" (\"orderId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_order_number\" ON \"payments\" (\"orderNumber\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_payments_order_number\"");
    await queryRunner.query("DROP INDEX \"UQ_threads_order\"");
    await queryRunner.query("DROP INDEX \"IDX_threads_customer\"");
    await queryRunner.query("ALTER TABLE \"threads\" RENAME TO \"temporary_threads\"");
    await queryRunner.query("CREATE TABLE \"threads\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"orderId\" integer NOT NULL, \"customerId\" integer NOT NULL, \"customerLastReadId\" integer NOT NULL DEFAULT (0), \"adminLastReadId\" integer NOT NULL DEFAULT (0), \"lastMessageAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_eac3f9a450d3d8ff1fc4314ae12\" FOREIGN KEY (\"customerId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"threads\"(\"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_threads\"");
    await queryRunner.query("DROP TABLE \"temporary_threads\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_threads_order\" ON \"threads\" (\"orderId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_threads_customer\" ON \"threads\" (\"customerId\") ");
    await queryRunner.query("DROP INDEX \"IDX_payments_order\"");
    await queryRunner.query("DROP INDEX \"UQ_payments_pi_payment_id\"");
    await queryRunner.query("DROP INDEX \"UQ_payments_txid\"");
    await queryRunner.query("DROP INDEX \"IDX_payments_status\"");
    await queryRunner.query("DROP INDEX \"IDX_payments_flagged\"");
    await queryRunner.query("ALTER TABLE \"payments\" RENAME TO \"temporary_payments\"");
    await queryRunner.query("CREATE TABLE \"payments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"orderId\" integer NOT NULL, \"piPaymentId\" varchar(100), \"txid\" varchar(100), \"status\" varchar CHECK( \"status\" IN ('pending','initiated','confirmed','failed') ) NOT NULL DEFAULT ('pending'), \"priceEurCents\" integer NOT NULL, \"eurPerPi\" varchar(40) NOT NULL, \"amountPi\" varchar(40) NOT NULL, \"piUserUid\" varchar(100), \"toAddress\" varchar(100), \"flagged\" boolean NOT NULL DEFAULT (0), \"flagReason\" varchar(500), \"failureReason\" varchar(500), \"approvedAt\" datetime(3), \"confirmedAt\" datetime(3), \"failedAt\" datetime(3), \"lastCheckedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_af929a5f2a400fdb6913b4967e1\" FOREIGN KEY (\"orderId\") REFERENCES \"orders\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"payments\"(\"id\", \"orderId\", \"piPaymentId\", \"txid\", \"status\", \"priceEurCents\", \"eurPerPi\", \"amountPi\", \"piUserUid\", \"toAddress\", \"flagged\", \"flagReason\", \"failureReason\", \"approvedAt\", \"confirmedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"orderId\", \"piPaymentId\", \"txid\", \"status\", \"priceEurCents\", \"eurPerPi\", \"amountPi\", \"piUserUid\", \"toAddress\", \"flagged\", \"flagReason\", \"failureReason\", \"approvedAt\", \"confirmedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_payments\"");
    await queryRunner.query("DROP TABLE \"temporary_payments\"");
    await queryRunner.query("CREATE INDEX \"IDX_payments_order\" ON \"payments\" (\"orderId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_payments_pi_payment_id\" ON \"payments\" (\"piPaymentId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_payments_txid\" ON \"payments\" (\"txid\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_status\" ON \"payments\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_flagged\" ON \"payments\" (\"flagged\") ");
    await queryRunner.query("DROP INDEX \"IDX_payment_leases_expires\"");
    await queryRunner.query("DROP TABLE \"payment_leases\"");
    await queryRunner.query("DROP INDEX \"UQ_threads_order\"");
    await queryRunner.query("DROP INDEX \"IDX_threads_customer\"");
    await queryRunner.query("ALTER TABLE \"threads\" RENAME TO \"temporary_threads\"");
    await queryRunner.query("CREATE TABLE \"threads\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"orderId\" integer NOT NULL, \"customerId\" integer NOT NULL, \"customerLastReadId\" integer NOT NULL DEFAULT (0), \"adminLastReadId\" integer NOT NULL DEFAULT (0), \"lastMessageAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_eac3f9a450d3d8ff1fc4314ae12\" FOREIGN KEY (\"customerId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"FK_21f8e65522a7fad1665cbc3411f\" FOREIGN KEY (\"orderId\") REFERENCES \"orders\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"threads\"(\"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"orderId\", \"customerId\", \"customerLastReadId\", \"adminLastReadId\", \"lastMessageAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_threads\"");
    await queryRunner.query("DROP TABLE \"temporary_threads\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_threads_order\" ON \"threads\" (\"orderId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_threads_customer\" ON \"threads\" (\"customerId\") ");
  }
}
