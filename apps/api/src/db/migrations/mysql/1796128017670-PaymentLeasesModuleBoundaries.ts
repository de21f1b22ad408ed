import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentLeasesModuleBoundaries1796128017670 implements MigrationInterface {
  name = 'PaymentLeasesModuleBoundaries1796128017670';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `threads` DROP FOREIGN KEY `FK_21f8e65522a7fad1665cbc3411f`");
    await queryRunner.query("CREATE TABLE `payment_leases` (`piPaymentId` varchar(100) NOT NULL, `holder` varchar(64) NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `IDX_payment_leases_expires` (`expiresAt`), PRIMARY KEY (`piPaymentId`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `payments` ADD `orderNumber` varchar(32) NOT NULL");
    await queryRunner.query("ALTER TABLE `threads` ADD `orderNumber` varchar(32) NOT NULL");
    await queryRunner.query("ALTER TABLE `threads` ADD `orderStatus` enum ('pending', 'paid', 'cancelled') NOT NULL DEFAULT 'pending'");
    await queryRunner.query("CREATE INDEX `IDX_payments_order_number` ON `payments` (`orderNumber`)");
    // Payments and threads keep what they show of their order (it never changes, or orders tell them).
    await queryRunner.query("UPDATE `payments` `p` INNER JOIN `orders` `o` ON `o`.`id` = `p`.`orderId` SET `p`.`orderNumber` = `o`.`number`");
    await queryRunner.query("UPDATE `threads` `t` INNER JOIN `orders` `o` ON `o`.`id` = `t`.`orderId` SET `t`.`orderNumber` = `o`.`number`, `t`.`orderStatus` = `o`.`status`");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_payments_order_number` ON `payments`");
    await queryRunner.query("ALTER TABLE `threads` DROP COLUMN `orderStatus`");
    await queryRunner.query("ALTER TABLE `threads` DROP COLUMN `orderNumber`");
    await queryRunner.query("ALTER TABLE `payments` DROP COLUMN `orderNumber`");
    await queryRunner.query("DROP INDEX `IDX_payment_leases_expires` ON `payment_leases`");
    await queryRunner.query("DROP TABLE `payment_leases`");
    await queryRunner.query("ALTER TABLE `threads` ADD CONSTRAINT `FK_21f8e65522a7fad1665cbc3411f` FOREIGN KEY (`orderId`) REFERENCES `orders`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }
}
