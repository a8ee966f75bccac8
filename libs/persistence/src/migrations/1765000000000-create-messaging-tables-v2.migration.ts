import { createMessagingTablesV2, dropMessagingTablesV2 } from '../messaging-tables.sql';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every app's second messaging migration: consumer positions with lost records, and dead letters by position. */
export class CreateMessagingTablesV21765000000000 implements MigrationInterface {
  name = 'CreateMessagingTablesV21765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV2(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTablesV2(queryRunner);
  }
}
