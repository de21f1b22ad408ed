import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrdersPaymentsInbox1795738525672 implements MigrationInterface {
  name = 'OrdersPaymentsInbox1795738525672';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `orders` (`id` int NOT NULL AUTO_INCREMENT, `number` varchar(32) NOT NULL, `customerId` int NOT NULL, `status` enum ('pending', 'paid', 'cancelled') NOT NULL DEFAULT 'pending', `totalEurCents` int NOT NULL, `totalPi` varchar(40) NOT NULL, `eurPerPi` varchar(40) NOT NULL, `paidAt` datetime(3) NULL, `cancelledAt` datetime(3) NULL, `cancelReason` varchar(500) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_orders_number` (`number`), INDEX `IDX_orders_customer` (`customerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `order_items` (`id` int NOT NULL AUTO_INCREMENT, `orderId` int NOT NULL, `serviceId` int NULL, `serviceSlug` varchar(160) NOT NULL, `title` varchar(200) NOT NULL, `priceEurCents` int NOT NULL, `pricePi` varchar(40) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `idempotency_keys` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `scope` varchar(100) NOT NULL, `key` varchar(255) NOT NULL, `requestHash` varchar(64) NOT NULL, `state` enum ('in_progress', 'completed') NOT NULL DEFAULT 'in_progress', `responseStatus` int NULL, `responseBody` json NULL, `lockedAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_idempotency_keys_expires` (`expiresAt`), UNIQUE INDEX `UQ_idempotency_keys_user_scope_key` (`userId`, `scope`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `payments` (`id` int NOT NULL AUTO_INCREMENT, `orderId` int NOT NULL, `piPaymentId` varchar(100) NULL, `txid` varchar(100) NULL, `status` enum ('pending', 'initiated', 'confirmed', 'failed') NOT NULL DEFAULT 'pending', `priceEurCents` int NOT NULL, `eurPerPi` varchar(40) NOT NULL, `amountPi` varchar(40) NOT NULL, `piUserUid` varchar(100) NULL, `toAddress` varchar(100) NULL, `flagged` tinyint NOT NULL DEFAULT 0, `flagReason` varchar(500) NULL, `failureReason` varchar(500) NULL, `approvedAt` datetime(3) NULL, `confirmedAt` datetime(3) NULL, `failedAt` datetime(3) NULL, `lastCheckedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_payments_order` (`orderId`), UNIQUE INDEX `UQ_payments_pi_payment_id` (`piPaymentId`), UNIQUE INDEX `UQ_payments_txid` (`txid`), INDEX `IDX_payments_status` (`status`), INDEX `IDX_payments_flagged` (`flagged`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `payment_events` (`id` int NOT NULL AUTO_INCREMENT, `paymentId` int NULL, `piPaymentId` varchar(100) NULL, `source` enum ('approve', 'complete', 'cancel', 'incomplete', 'webhook', 'sync', 'reconciler', 'admin') NOT NULL, `outcome` enum ('applied', 'unchanged', 'refused', 'error', 'flagged') NOT NULL, `message` varchar(1000) NOT NULL, `code` varchar(100) NULL, `statusBefore` varchar(20) NULL, `statusAfter` varchar(20) NULL, `actorId` int NULL, `rawPayload` json NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_payment_events_payment` (`paymentId`), INDEX `IDX_payment_events_pi_payment` (`piPaymentId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `threads` (`id` int NOT NULL AUTO_INCREMENT, `orderId` int NOT NULL, `customerId` int NOT NULL, `customerLastReadId` int NOT NULL DEFAULT '0', `adminLastReadId` int NOT NULL DEFAULT '0', `lastMessageAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_threads_order` (`orderId`), INDEX `IDX_threads_customer` (`customerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `messages` (`id` int NOT NULL AUTO_INCREMENT, `threadId` int NOT NULL, `kind` enum ('system', 'customer', 'admin') NOT NULL, `internal` tinyint NOT NULL DEFAULT 0, `authorId` int NULL, `body` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_messages_thread` (`threadId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `orders` ADD CONSTRAINT `FK_e5de51ca888d8b1f5ac25799dd1` FOREIGN KEY (`customerId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `order_items` ADD CONSTRAINT `FK_f1d359a55923bb45b057fbdab0d` FOREIGN KEY (`orderId`) REFERENCES `orders`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `order_items` ADD CONSTRAINT `FK_2a8ce0dd0205df008b9e2f09206` FOREIGN KEY (`serviceId`) REFERENCES `services`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `idempotency_keys` ADD CONSTRAINT `FK_7a3aaa526470ebb79221693d325` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `payments` ADD CONSTRAINT `FK_af929a5f2a400fdb6913b4967e1` FOREIGN KEY (`orderId`) REFERENCES `orders`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `payment_events` ADD CONSTRAINT `FK_c0f8796eab0370f6dc1d8d10db2` FOREIGN KEY (`paymentId`) REFERENCES `payments`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `threads` ADD CONSTRAINT `FK_21f8e65522a7fad1665cbc3411f` FOREIGN KEY (`orderId`) REFERENCES `orders`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `threads` ADD CONSTRAINT `FK_eac3f9a450d3d8ff1fc4314ae12` FOREIGN KEY (`customerId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `messages` ADD CONSTRAINT `FK_15f9bd2bf472ff12b6ee20012d0` FOREIGN KEY (`threadId`) REFERENCES `threads`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `messages` ADD CONSTRAINT `FK_819e6bb0ee78baf73c398dc707f` FOREIGN KEY (`authorId`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `messages` DROP FOREIGN KEY `FK_819e6bb0ee78baf73c398dc707f`");
    await queryRunner.query("ALTER TABLE `messages` DROP FOREIGN KEY `FK_15f9bd2bf472ff12b6ee20012d0`");
    await queryRunner.query("ALTER TABLE `threads` DROP FOREIGN KEY `FK_eac3f9a450d3d8ff1fc4314ae12`");
    await queryRunner.query("ALTER TABLE `threads` DROP FOREIGN KEY `FK_21f8e65522a7fad1665cbc3411f`");
    await queryRunner.query("ALTER TABLE `payment_events` DROP FOREIGN KEY `FK_c0f8796eab0370f6dc1d8d10db2`");
    await queryRunner.query("ALTER TABLE `payments` DROP FOREIGN KEY `FK_af929a5f2a400fdb6913b4967e1`");
    await queryRunner.query("ALTER TABLE `idempotency_keys` DROP FOREIGN KEY `FK_7a3aaa526470ebb79221693d325`");
    await queryRunner.query("ALTER TABLE `order_items` DROP FOREIGN KEY `FK_2a8ce0dd0205df008b9e2f09206`");
    await queryRunner.query("ALTER TABLE `order_items` DROP FOREIGN KEY `FK_f1d359a55923bb45b057fbdab0d`");
    await queryRunner.query("ALTER TABLE `orders` DROP FOREIGN KEY `FK_e5de51ca888d8b1f5ac25799dd1`");
    await queryRunner.query("DROP INDEX `IDX_messages_thread` ON `messages`");
    await queryRunner.query("DROP TABLE `messages`");
    await queryRunner.query("DROP INDEX `IDX_threads_customer` ON `threads`");
    await queryRunner.query("DROP INDEX `UQ_threads_order` ON `threads`");
    await queryRunner.query("DROP TABLE `threads`");
    await queryRunner.query("DROP INDEX `IDX_payment_events_pi_payment` ON `payment_events`");
    await queryRunner.query("DROP INDEX `IDX_payment_events_payment` ON `payment_events`");
    await queryRunner.query("DROP TABLE `payment_events`");
    await queryRunner.query("DROP INDEX `IDX_payments_flagged` ON `payments`");
    await queryRunner.query("DROP INDEX `IDX_payments_status` ON `payments`");
    await queryRunner.query("DROP INDEX `UQ_payments_txid` ON `payments`");
    await queryRunner.query("DROP INDEX `UQ_payments_pi_payment_id` ON `payments`");
    await queryRunner.query("DROP INDEX `IDX_payments_order` ON `payments`");
    await queryRunner.query("DROP TABLE `payments`");
    await queryRunner.query("DROP INDEX `UQ_idempotency_keys_user_scope_key` ON `idempotency_keys`");
    await queryRunner.query("DROP INDEX `IDX_idempotency_keys_expires` ON `idempotency_keys`");
    await queryRunner.query("DROP TABLE `idempotency_keys`");
    await queryRunner.query("DROP TABLE `order_items`");
    await queryRunner.query("DROP INDEX `IDX_orders_customer` ON `orders`");
    await queryRunner.query("DROP INDEX `UQ_orders_number` ON `orders`");
    await queryRunner.query("DROP TABLE `orders`");
  }
}
