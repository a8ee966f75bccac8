import { createMessagingTablesV1, dropMessagingTablesV1 } from '../messaging-tables.sql';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first migration of every app: its processed-events and outbox tables, in the app's own schema. */
export class CreateMessagingTables1764082800000 implements MigrationInterface {
  name = 'CreateMessagingTables1764082800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTablesV1(queryRunner);
  }
}
