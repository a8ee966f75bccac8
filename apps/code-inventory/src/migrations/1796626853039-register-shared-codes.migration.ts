import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * #19.4 (C2): code-inventory is the one authority for the store's codes. Pricing registers a coupon's shared codes
 * here (in `codes`, under the one unique index on lower(code)) before it saves the promotion; `registered_version`
 * marks such a code with the promotion version that last listed it, so the promotion's later changes (the event)
 * release the codes it dropped without releasing ones a newer version registered meanwhile. NULL for every other code.
 */
export class RegisterSharedCodes1796626853039 implements MigrationInterface {
  name = 'RegisterSharedCodes1796626853039';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE codes ADD COLUMN registered_version integer NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM codes WHERE registered_version IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE codes DROP COLUMN registered_version`);
  }
}
