import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * #19.2: the ledger keeps each promotion's own shared codes (C1, `WELCOME20`) so it can tell them from the
 * group codes of code-inventory, which are single-use unless `usesPerCode` says otherwise. NULL: learnt
 * before this column existed, so every code of the promotion is read as shared (the behaviour it had) until
 * pricing publishes the promotion again.
 */
export class AddPromotionSharedCodes1796626642658 implements MigrationInterface {
  name = 'AddPromotionSharedCodes1796626642658';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE promotion_limits ADD COLUMN shared_codes text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE promotion_limits DROP COLUMN shared_codes`);
  }
}
