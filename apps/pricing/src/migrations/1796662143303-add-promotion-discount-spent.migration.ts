import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * #23, rule 19: the usage projection also sums the discount each promotion has given (minor units), from the
 * ledger's `redemption.recorded` and `redemption.reversed`, so pricing can tell the engine what is left of a
 * budget. Promotions had no budget before this, so the sum starts at 0.
 */
export class AddPromotionDiscountSpent1796662143303 implements MigrationInterface {
  name = 'AddPromotionDiscountSpent1796662143303';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE promotion_usage ADD COLUMN discount_spent bigint NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE promotion_usage DROP COLUMN discount_spent`);
  }
}
