import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Refunds1796132730781 implements MigrationInterface {
  name = 'Refunds1796132730781';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"refunds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"paymentId\" integer NOT NULL, \"orderId\" integer NOT NULL, \"orderNumber\" varchar(32) NOT NULL, \"reference\" varchar(36) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','submitted','completed','failed') ) NOT NULL DEFAULT ('pending'), \"amountPi\" varchar(40) NOT NULL, \"reason\" varchar(500) NOT NULL, \"recipientUid\" varchar(100) NOT NULL, \"recipientAddress\" varchar(100), \"piPaymentId\" varchar(100), \"txid\" varchar(100), \"envelopeXdr\" text, \"validUntil\" datetime(3), \"requestedBy\" integer NOT NULL, \"idempotencyKey\" varchar(255) NOT NULL, \"requestHash\" varchar(64) NOT NULL, \"failureReason\" varchar(500), \"lastErrorCode\" varchar(100), \"lastErrorMessage\" varchar(1000), \"submittedAt\" datetime(3), \"completedAt\" datetime(3), \"failedAt\" datetime(3), \"lastCheckedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_payment\" ON \"refunds\" (\"paymentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_order\" ON \"refunds\" (\"orderId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_reference\" ON \"refunds\" (\"reference\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_status\" ON \"refunds\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_recipient\" ON \"refunds\" (\"recipientUid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_pi_payment_id\" ON \"refunds\" (\"piPaymentId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_txid\" ON \"refunds\" (\"txid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_idempotency\" ON \"refunds\" (\"requestedBy\", \"idempotencyKey\") ");
    await queryRunner.query("CREATE TABLE \"refund_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"refundId\" integer NOT NULL, \"paymentId\" integer NOT NULL, \"piPaymentId\" varchar(100), \"source\" varchar CHECK( \"source\" IN ('admin','reconciler','startup') ) NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('applied','unchanged','refused','error','flagged') ) NOT NULL, \"message\" varchar(1000) NOT NULL, \"code\" varchar(100), \"statusBefore\" varchar(20), \"statusAfter\" varchar(20), \"actorId\" integer, \"rawPayload\" json, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_refund_events_refund\" ON \"refund_events\" (\"refundId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refund_events_payment\" ON \"refund_events\" (\"paymentId\") ");
    await queryRunner.query("DROP INDEX \"IDX_refunds_payment\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_order\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_reference\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_status\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_recipient\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_pi_payment_id\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_txid\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_idempotency\"");
    await queryRunner.query("CREATE TABLE \"temporary_refunds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"paymentId\" integer NOT NULL, \"orderId\" integer NOT NULL, \"orderNumber\" varchar(32) NOT NULL, \"reference\" varchar(36) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','submitted','completed','failed') ) NOT NULL DEFAULT ('pending'), \"amountPi\" varchar(40) NOT NULL, \"reason\" varchar(500) NOT NULL, \"recipientUid\" varchar(100) NOT NULL, \"recipientAddress\" varchar(100), \"piPaymentId\" varchar(100), \"txid\" varchar(100), \"envelopeXdr\" text, \"validUntil\" datetime(3), \"requestedBy\" integer NOT NULL, \"idempotencyKey\" varchar(255) NOT NULL, \"requestHash\" varchar(64) NOT NULL, \"failureReason\" varchar(500), \"lastErrorCode\" varchar(100), \"lastErrorMessage\" varchar(1000), \"submittedAt\" datetime(3), \"completedAt\" datetime(3), \"failedAt\" datetime(3), \"lastCheckedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_a276dea330e561499e4a6e1b309\" FOREIGN KEY (\"paymentId\") REFERENCES \"payments\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_refunds\"(\"id\", \"paymentId\", \"orderId\", \"orderNumber\", \"reference\", \"status\", \"amountPi\", \"reason\", \"recipientUid\", \"recipientAddress\", \"piPaymentId\", \"txid\", \"envelopeXdr\", \"validUntil\", \"requestedBy\", \"idempotencyKey\", \"requestHash\", \"failureReason\", \"lastErrorCode\", \"lastErrorMessage\", \"submittedAt\", \"completedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"paymentId\", \"orderId\", \"orderNumber\", \"reference\", \"status\", \"amountPi\", \"reason\", \"recipientUid\", \"recipientAddress\", \"piPaymentId\", \"txid\", \"envelopeXdr\", \"validUntil\", \"requestedBy\", \"idempotencyKey\", \"requestHash\", \"failureReason\", \"lastErrorCode\", \"lastErrorMessage\", \"submittedAt\", \"completedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\" FROM \"refunds\"");
    await queryRunner.query("DROP TABLE \"refunds\"");
    await queryRunner.query("ALTER TABLE \"temporary_refunds\" RENAME TO \"refunds\"");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_payment\" ON \"refunds\" (\"paymentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_order\" ON \"refunds\" (\"orderId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_reference\" ON \"refunds\" (\"reference\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_status\" ON \"refunds\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_recipient\" ON \"refunds\" (\"recipientUid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_pi_payment_id\" ON \"refunds\" (\"piPaymentId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_txid\" ON \"refunds\" (\"txid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_idempotency\" ON \"refunds\" (\"requestedBy\", \"idempotencyKey\") ");
    await queryRunner.query("DROP INDEX \"IDX_refund_events_refund\"");
    await queryRunner.query("DROP INDEX \"IDX_refund_events_payment\"");
    await queryRunner.query("CREATE TABLE \"temporary_refund_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"refundId\" integer NOT NULL, \"paymentId\" integer NOT NULL, \"piPaymentId\" varchar(100), \"source\" varchar CHECK( \"source\" IN ('admin','reconciler','startup') ) NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('applied','unchanged','refused','error','flagged') ) NOT NULL, \"message\" varchar(1000) NOT NULL, \"code\" varchar(100), \"statusBefore\" varchar(20), \"statusAfter\" varchar(20), \"actorId\" integer, \"rawPayload\" json, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_d001c6b087a853e8c41cd7b3610\" FOREIGN KEY (\"refundId\") REFERENCES \"refunds\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_refund_events\"(\"id\", \"refundId\", \"paymentId\", \"piPaymentId\", \"source\", \"outcome\", \"message\", \"code\", \"statusBefore\", \"statusAfter\", \"actorId\", \"rawPayload\", \"createdAt\") SELECT \"id\", \"refundId\", \"paymentId\", \"piPaymentId\", \"source\", \"outcome\", \"message\", \"code\", \"statusBefore\", \"statusAfter\", \"actorId\", \"rawPayload\", \"createdAt\" FROM \"refund_events\"");
    await queryRunner.query("DROP TABLE \"refund_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_refund_events\" RENAME TO \"refund_events\"");
    await queryRunner.query("CREATE INDEX \"IDX_refund_events_refund\" ON \"refund_events\" (\"refundId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refund_events_payment\" ON \"refund_events\" (\"paymentId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_refund_events_payment\"");
    await queryRunner.query("DROP INDEX \"IDX_refund_events_refund\"");
    await queryRunner.query("ALTER TABLE \"refund_events\" RENAME TO \"temporary_refund_events\"");
    await queryRunner.query("CREATE TABLE \"refund_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"refundId\" integer NOT NULL, \"paymentId\" integer NOT NULL, \"piPaymentId\" varchar(100), \"source\" varchar CHECK( \"source\" IN ('admin','reconciler','startup') ) NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('applied','unchanged','refused','error','flagged') ) NOT NULL, \"message\" varchar(1000) NOT NULL, \"code\" varchar(100), \"statusBefore\" varchar(20), \"statusAfter\" varchar(20), \"actorId\" integer, \"rawPayload\" json, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"refund_events\"(\"id\", \"refundId\", \"paymentId\", \"piPaymentId\", \"source\", \"outcome\", \"message\", \"code\", \"statusBefore\", \"statusAfter\", \"actorId\", \"rawPayload\", \"createdAt\") SELECT \"id\", \"refundId\", \"paymentId\", \"piPaymentId\", \"source\", \"outcome\", \"message\", \"code\", \"statusBefore\", \"statusAfter\", \"actorId\", \"rawPayload\", \"createdAt\" FROM \"temporary_refund_events\"");
    await queryRunner.query("DROP TABLE \"temporary_refund_events\"");
    await queryRunner.query("CREATE INDEX \"IDX_refund_events_payment\" ON \"refund_events\" (\"paymentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refund_events_refund\" ON \"refund_events\" (\"refundId\") ");
    await queryRunner.query("DROP INDEX \"UQ_refunds_idempotency\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_txid\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_pi_payment_id\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_recipient\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_status\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_reference\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_order\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_payment\"");
    await queryRunner.query("ALTER TABLE \"refunds\" RENAME TO \"temporary_refunds\"");
    await queryRunner.query("CREATE TABLE \"refunds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"paymentId\" integer NOT NULL, \"orderId\" integer NOT NULL, \"orderNumber\" varchar(32) NOT NULL, \"reference\" varchar(36) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','submitted','completed','failed') ) NOT NULL DEFAULT ('pending'), \"amountPi\" varchar(40) NOT NULL, \"reason\" varchar(500) NOT NULL, \"recipientUid\" varchar(100) NOT NULL, \"recipientAddress\" varchar(100), \"piPaymentId\" varchar(100), \"txid\" varchar(100), \"envelopeXdr\" text, \"validUntil\" datetime(3), \"requestedBy\" integer NOT NULL, \"idempotencyKey\" varchar(255) NOT NULL, \"requestHash\" varchar(64) NOT NULL, \"failureReason\" varchar(500), \"lastErrorCode\" varchar(100), \"lastErrorMessage\" varchar(1000), \"submittedAt\" datetime(3), \"completedAt\" datetime(3), \"failedAt\" datetime(3), \"lastCheckedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"refunds\"(\"id\", \"paymentId\", \"orderId\", \"orderNumber\", \"reference\", \"status\", \"amountPi\", \"reason\", \"recipientUid\", \"recipientAddress\", \"piPaymentId\", \"txid\", \"envelopeXdr\", \"validUntil\", \"requestedBy\", \"idempotencyKey\", \"requestHash\", \"failureReason\", \"lastErrorCode\", \"lastErrorMessage\", \"submittedAt\", \"completedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"paymentId\", \"orderId\", \"orderNumber\", \"reference\", \"status\", \"amountPi\", \"reason\", \"recipientUid\", \"recipientAddress\", \"piPaymentId\", \"txid\", \"envelopeXdr\", \"validUntil\", \"requestedBy\", \"idempotencyKey\", \"requestHash\", \"failureReason\", \"lastErrorCode\", \"lastErrorMessage\", \"submittedAt\", \"completedAt\", \"failedAt\", \"lastCheckedAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_refunds\"");
    await queryRunner.query("DROP TABLE \"temporary_refunds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_idempotency\" ON \"refunds\" (\"requestedBy\", \"idempotencyKey\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_txid\" ON \"refunds\" (\"txid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_pi_payment_id\" ON \"refunds\" (\"piPaymentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_recipient\" ON \"refunds\" (\"recipientUid\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_status\" ON \"refunds\" (\"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refunds_reference\" ON \"refunds\" (\"reference\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_order\" ON \"refunds\" (\"orderId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_refunds_payment\" ON \"refunds\" (\"paymentId\") ");
    await queryRunner.query("DROP INDEX \"IDX_refund_events_payment\"");
    await queryRunner.query("DROP INDEX \"IDX_refund_events_refund\"");
    await queryRunner.query("DROP TABLE \"refund_events\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_idempotency\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_txid\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_pi_payment_id\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_recipient\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_status\"");
    await queryRunner.query("DROP INDEX \"UQ_refunds_reference\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_order\"");
    await queryRunner.query("DROP INDEX \"IDX_refunds_payment\"");
    await queryRunner.query("DROP TABLE \"refunds\"");
  }
}
