import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardIndexes1796143846531 implements MigrationInterface {
  name = 'DashboardIndexes1796143846531';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_orders_created_status\" ON \"orders\" (\"createdAt\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_orders_status_paid_at\" ON \"orders\" (\"status\", \"paidAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_failed_at\" ON \"payments\" (\"failedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payments_status_created\" ON \"payments\" (\"status\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_payment_events_outcome_created\" ON \"payment_events\" (\"outcome\", \"createdAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_payment_events_outcome_created\"");
    await queryRunner.query("DROP INDEX \"IDX_payments_status_created\"");
    await queryRunner.query("DROP INDEX \"IDX_payments_failed_at\"");
    await queryRunner.query("DROP INDEX \"IDX_orders_status_paid_at\"");
    await queryRunner.query("DROP INDEX \"IDX_orders_created_status\"");
  }
}
