import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /v1/emails` and `GET /v1/suppressions` answer pages (#19): each page starts after the previous
 * page's last sort key, read through these indexes instead of sorting the whole table.
 */
export class ListPageIndexes1796628118555 implements MigrationInterface {
  name = 'ListPageIndexes1796628118555';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX emails_due_email ON emails (due_at, email_id)`);
    await queryRunner.query(`CREATE INDEX suppressions_created_email ON suppressions (created_at, email)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX suppressions_created_email`);
    await queryRunner.query(`DROP INDEX emails_due_email`);
  }
}
