import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Refunds1796132730781 implements MigrationInterface {
  name = 'Refunds1796132730781';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `refunds` (`id` int NOT NULL AUTO_INCREMENT, `paymentId` int NOT NULL, `orderId` int NOT NULL, `orderNumber` varchar(32) NOT NULL, `reference` varchar(36) NOT NULL, `status` enum ('pending', 'submitted', 'completed', 'failed') NOT NULL DEFAULT 'pending', `amountPi` varchar(40) NOT NULL, `reason` varchar(500) NOT NULL, `recipientUid` varchar(100) NOT NULL, `recipientAddress` varchar(100) NULL, `piPaymentId` varchar(100) NULL, `txid` varchar(100) NULL, `envelopeXdr` text NULL, `validUntil` datetime(3) NULL, `requestedBy` int NOT NULL, `idempotencyKey` varchar(255) NOT NULL, `requestHash` varchar(64) NOT NULL, `failureReason` varchar(500) NULL, `lastErrorCode` varchar(100) NULL, `lastErrorMessage` varchar(1000) NULL, `submittedAt` datetime(3) NULL, `completedAt` datetime(3) NULL, `failedAt` datetime(3) NULL, `lastCheckedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_refunds_payment` (`paymentId`), INDEX `IDX_refunds_order` (`orderId`), UNIQUE INDEX `UQ_refunds_reference` (`reference`), INDEX `IDX_refunds_status` (`status`), INDEX `IDX_refunds_recipient` (`recipientUid`), UNIQUE INDEX `UQ_refunds_pi_payment_id` (`piPaymentId`), UNIQUE INDEX `UQ_refunds_txid` (`txid`), UNIQUE INDEX `UQ_refunds_idempotency` (`requestedBy`, `idempotencyKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `refund_events` (`id` int NOT NULL AUTO_INCREMENT, `refundId` int NOT NULL, `paymentId` int NOT NULL, `piPaymentId` varchar(100) NULL, `source` enum ('admin', 'reconciler', 'startup') NOT NULL, `outcome` enum ('applied', 'unchanged', 'refused', 'error', 'flagged') NOT NULL, `message` varchar(1000) NOT NULL, `code` varchar(100) NULL, `statusBefore` varchar(20) NULL, `statusAfter` varchar(20) NULL, `actorId` int NULL, `rawPayload` json NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_refund_events_refund` (`refundId`), INDEX `IDX_refund_events_payment` (`paymentId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `refunds` ADD CONSTRAINT `FK_a276dea330e561499e4a6e1b309` FOREIGN KEY (`paymentId`) REFERENCES `payments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `refund_events` ADD CONSTRAINT `FK_d001c6b087a853e8c41cd7b3610` FOREIGN KEY (`refundId`) REFERENCES `refunds`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `refund_events` DROP FOREIGN KEY `FK_d001c6b087a853e8c41cd7b3610`");
    await queryRunner.query("ALTER TABLE `refunds` DROP FOREIGN KEY `FK_a276dea330e561499e4a6e1b309`");
    await queryRunner.query("DROP INDEX `IDX_refund_events_payment` ON `refund_events`");
    await queryRunner.query("DROP INDEX `IDX_refund_events_refund` ON `refund_events`");
    await queryRunner.query("DROP TABLE `refund_events`");
    await queryRunner.query("DROP INDEX `UQ_refunds_idempotency` ON `refunds`");
    await queryRunner.query("DROP INDEX `UQ_refunds_txid` ON `refunds`");
    await queryRunner.query("DROP INDEX `UQ_refunds_pi_payment_id` ON `refunds`");
    await queryRunner.query("DROP INDEX `IDX_refunds_recipient` ON `refunds`");
    await queryRunner.query("DROP INDEX `IDX_refunds_status` ON `refunds`");
    await queryRunner.query("DROP INDEX `UQ_refunds_reference` ON `refunds`");
    await queryRunner.query("DROP INDEX `IDX_refunds_order` ON `refunds`");
    await queryRunner.query("DROP INDEX `IDX_refunds_payment` ON `refunds`");
    await queryRunner.query("DROP TABLE `refunds`");
  }
}
