import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A schedule decided "send" was marked `sent` when its email was only queued (#22 §5): the email row, in
 * the same transaction, says whether it went out. The schedule now says `queued`, as the email does.
 */
export class ScheduleStatusQueued1796640000000 implements MigrationInterface {
  name = 'ScheduleStatusQueued1796640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_schedules DROP CONSTRAINT email_schedules_status_check`);
    await queryRunner.query(`UPDATE email_schedules SET status = 'queued' WHERE status = 'sent'`);
    await queryRunner.query(`ALTER TABLE email_schedules ADD CONSTRAINT email_schedules_status_check CHECK (status IN ('pending', 'queued', 'suppressed', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_schedules DROP CONSTRAINT email_schedules_status_check`);
    await queryRunner.query(`UPDATE email_schedules SET status = 'sent' WHERE status = 'queued'`);
    await queryRunner.query(`ALTER TABLE email_schedules ADD CONSTRAINT email_schedules_status_check CHECK (status IN ('pending', 'sent', 'suppressed', 'cancelled'))`);
  }
}
