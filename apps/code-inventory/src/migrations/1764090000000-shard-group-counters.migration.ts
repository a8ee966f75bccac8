import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * C6/C7: a group's balances move to 16 counter rows per group. With one row, every concurrent first
 * issue queued on its lock until commit (the bench measured ~340 issues/s); a random shard per
 * transaction spreads them, and the balances are the sums.
 */
export class ShardGroupCounters1764090000000 implements MigrationInterface {
  name = 'ShardGroupCounters1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE code_group_counters (
        group_id text NOT NULL,
        shard smallint NOT NULL,
        total_count bigint NOT NULL DEFAULT 0,
        available_count bigint NOT NULL DEFAULT 0,
        issued_count bigint NOT NULL DEFAULT 0,
        redeemed_count bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (group_id, shard)
      )`);
    await queryRunner.query(`
      INSERT INTO code_group_counters (group_id, shard, total_count, available_count, issued_count, redeemed_count)
      SELECT group_id, 0, total_count, available_count, issued_count, redeemed_count FROM code_groups`);
    await queryRunner.query(`ALTER TABLE code_groups DROP COLUMN total_count, DROP COLUMN available_count, DROP COLUMN issued_count, DROP COLUMN redeemed_count`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE code_groups ADD COLUMN total_count bigint NOT NULL DEFAULT 0, ADD COLUMN available_count bigint NOT NULL DEFAULT 0,
        ADD COLUMN issued_count bigint NOT NULL DEFAULT 0, ADD COLUMN redeemed_count bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      UPDATE code_groups g SET total_count = c.total_count, available_count = c.available_count, issued_count = c.issued_count, redeemed_count = c.redeemed_count
        FROM (SELECT group_id, sum(total_count) AS total_count, sum(available_count) AS available_count, sum(issued_count) AS issued_count,
                     sum(redeemed_count) AS redeemed_count FROM code_group_counters GROUP BY group_id) c
       WHERE c.group_id = g.group_id`);
    await queryRunner.query(`DROP TABLE code_group_counters`);
  }
}
