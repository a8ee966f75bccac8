import { createConsumerPositionsTableV2, dropConsumerPositionsTableV2 } from '../messaging-tables.sql';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every app's second messaging migration: each consumer group's own record of its partition positions and lost records. */
export class CreateConsumerPositions1765000000000 implements MigrationInterface {
  name = 'CreateConsumerPositions1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createConsumerPositionsTableV2(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropConsumerPositionsTableV2(queryRunner);
  }
}
