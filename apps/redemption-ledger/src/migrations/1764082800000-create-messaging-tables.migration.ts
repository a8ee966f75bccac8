import { createMessagingTablesV1, dropMessagingTablesV1 } from '@promo/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMessagingTables1764082800000 implements MigrationInterface {
  name = 'CreateMessagingTables1764082800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTablesV1(queryRunner);
  }
}
