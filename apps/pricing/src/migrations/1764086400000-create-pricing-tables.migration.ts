import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Promotions (engine shape + filter columns), their codes, store settings and the usage projection (#8). */
export class CreatePricingTables1764086400000 implements MigrationInterface {
  name = 'CreatePricingTables1764086400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One sequence orders every change of the store: the index version is its highest value seen.
    await queryRunner.query(`CREATE SEQUENCE change_seq AS bigint START 1`);
    await queryRunner.query(`
      CREATE TABLE promotions (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('automatic', 'coupon')),
        name text NULL,
        search_text text NOT NULL,
        enabled boolean NOT NULL,
        priority integer NULL,
        channels text[] NULL,
        currency text NULL,
        starts_at timestamptz NULL,
        ends_at timestamptz NULL,
        has_own_zone boolean NOT NULL,
        definition jsonb NOT NULL,
        limits jsonb NOT NULL,
        version integer NOT NULL,
        change_seq bigint NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz NULL
      )`);
    await queryRunner.query(`CREATE INDEX promotions_live_priority_idx ON promotions (kind, priority, id) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX promotions_change_seq_idx ON promotions (change_seq)`);
    await queryRunner.query(`
      CREATE TABLE promotion_codes (
        code text PRIMARY KEY,
        promotion_id text NOT NULL REFERENCES promotions (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX promotion_codes_promotion_idx ON promotion_codes (promotion_id)`);
    await queryRunner.query(`
      CREATE TABLE store_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        settings jsonb NOT NULL,
        version integer NOT NULL,
        change_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE promotion_usage (
        promotion_id text PRIMARY KEY,
        uses bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE code_usage (
        code text PRIMARY KEY,
        uses bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE customer_usage (
        promotion_id text NOT NULL,
        customer_id text NOT NULL,
        uses bigint NOT NULL,
        PRIMARY KEY (promotion_id, customer_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_usage`);
    await queryRunner.query(`DROP TABLE code_usage`);
    await queryRunner.query(`DROP TABLE promotion_usage`);
    await queryRunner.query(`DROP TABLE store_settings`);
    await queryRunner.query(`DROP TABLE promotion_codes`);
    await queryRunner.query(`DROP TABLE promotions`);
    await queryRunner.query(`DROP SEQUENCE change_seq`);
  }
}
