import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListIndexes1796145059763 implements MigrationInterface {
  name = 'ListIndexes1796145059763';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_orders_created` ON `orders` (`createdAt`)");
    await queryRunner.query("CREATE INDEX `IDX_orders_status_created` ON `orders` (`status`, `createdAt`)");
    await queryRunner.query("CREATE INDEX `IDX_payments_created` ON `payments` (`createdAt`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_payments_created` ON `payments`");
    await queryRunner.query("DROP INDEX `IDX_orders_status_created` ON `orders`");
    await queryRunner.query("DROP INDEX `IDX_orders_created` ON `orders`");
  }
}
