import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims on queued emails (#18): the replica that will send an email (`claimed_by`) and until when its
 * lease holds (`claimed_until`, Postgres time), so two replicas never send one email at once. The index
 * serves the claim, which reads the queued emails in due order.
 */
export class ClaimEmails1796615282908 implements MigrationInterface {
  name = 'ClaimEmails1796615282908';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE emails ADD COLUMN claimed_by text, ADD COLUMN claimed_until timestamptz`);
    await queryRunner.query(`CREATE INDEX emails_queued_due ON emails (due_at, email_id) WHERE status = 'queued'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX emails_queued_due`);
    await queryRunner.query(`ALTER TABLE emails DROP COLUMN claimed_until, DROP COLUMN claimed_by`);
  }
}
