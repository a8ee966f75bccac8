import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * #18: BullMQ runs a generation job at least once: a replica that stops renewing its lock (a pause, a Redis
 * failover) loses the job to another replica and keeps running it when it wakes. Each run claims the job with
 * a token of its own, and every batch and the completion are written only under the token that last claimed
 * it, so a superseded run stops at its next write instead of adding codes beside the new one.
 */
export class GenerationRunToken1765100000000 implements MigrationInterface {
  name = 'GenerationRunToken1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE generation_jobs ADD COLUMN run_token uuid NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE generation_jobs DROP COLUMN run_token`);
  }
}
