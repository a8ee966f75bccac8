import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email whose build or send failed for a passing reason (#19) stays queued and is not claimed again
 * before `retry_after` (Postgres time), which backs off with its attempts.
 */
export class EmailRetryAfter1796629400000 implements MigrationInterface {
  name = 'EmailRetryAfter1796629400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE emails ADD COLUMN retry_after timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE emails DROP COLUMN retry_after`);
  }
}
