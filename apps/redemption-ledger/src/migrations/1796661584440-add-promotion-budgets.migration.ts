import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * #23, rule 19: a promotion's total discount budget (minor units of its one currency) beside its use limits, and
 * the discount each use holds of it, so Redis's budget counter is rebuilt from Postgres like the use counters (L3).
 * Uses held before this column hold 0 of any budget.
 */
export class AddPromotionBudgets1796661584440 implements MigrationInterface {
  name = 'AddPromotionBudgets1796661584440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE promotion_limits ADD COLUMN budget bigint CHECK (budget >= 0), ADD COLUMN budget_currency char(3)`);
    await queryRunner.query(`ALTER TABLE usage_holds ADD COLUMN discount_amount bigint NOT NULL DEFAULT 0 CHECK (discount_amount >= 0), ADD COLUMN currency char(3)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE usage_holds DROP COLUMN currency, DROP COLUMN discount_amount`);
    await queryRunner.query(`ALTER TABLE promotion_limits DROP COLUMN budget_currency, DROP COLUMN budget`);
  }
}
