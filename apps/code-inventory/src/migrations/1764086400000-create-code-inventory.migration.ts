import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Codes, groups, issuance history, generation jobs and the promotion validity learned from
 * `pricing.promotion-changed` (C1-C10).
 */
export class CreateCodeInventory1764086400000 implements MigrationInterface {
  name = 'CreateCodeInventory1764086400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE promotions (
        promotion_id text PRIMARY KEY,
        version integer NOT NULL,
        is_enabled boolean NOT NULL,
        is_deleted boolean NOT NULL,
        starts_at timestamptz NULL,
        ends_at timestamptz NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE code_groups (
        group_id text PRIMARY KEY,
        name text NOT NULL,
        promotion_id text NOT NULL,
        total_count bigint NOT NULL DEFAULT 0,
        available_count bigint NOT NULL DEFAULT 0,
        issued_count bigint NOT NULL DEFAULT 0,
        redeemed_count bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // No foreign key to code_groups: a per-row check would slow bulk generation of millions of rows;
    // the services create codes only in an existing group and delete a group's codes with it.
    await queryRunner.query(`
      CREATE TABLE codes (
        id bigserial PRIMARY KEY,
        code text NOT NULL CHECK (code <> '' AND code = btrim(code)),
        promotion_id text NOT NULL,
        group_id text NULL,
        state text NOT NULL DEFAULT 'available' CHECK (state IN ('available', 'issued', 'redeemed', 'disabled')),
        is_hidden boolean NOT NULL DEFAULT false,
        bound_customer_id text NULL,
        issued_to text NULL,
        issued_at timestamptz NULL,
        redeemed_order_id text NULL,
        redeemed_at timestamptz NULL,
        created_at timestamptz NOT NULL
      )`);
    // C2: unique across the whole store on the normalized form (stored trimmed, matched case-folded).
    await queryRunner.query(`CREATE UNIQUE INDEX codes_normalized_code_key ON codes (lower(code))`);
    await queryRunner.query(`CREATE INDEX codes_group_id_idx ON codes (group_id, id)`);
    // C7: the next fresh code of a group in one index probe, whatever has been issued before.
    await queryRunner.query(`CREATE INDEX codes_available_idx ON codes (group_id, id) WHERE state = 'available'`);
    await queryRunner.query(`CREATE INDEX codes_promotion_id_idx ON codes (promotion_id) WHERE group_id IS NULL`);
    await queryRunner.query(`
      CREATE TABLE code_issues (
        id bigserial PRIMARY KEY,
        code_id bigint NOT NULL,
        code text NOT NULL,
        group_id text NOT NULL,
        customer_id text NOT NULL,
        issue text NOT NULL CHECK (issue IN ('first', 'repeat')),
        is_bound boolean NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX code_issues_group_customer_idx ON code_issues (group_id, customer_id, id)`);
    await queryRunner.query(`CREATE INDEX code_issues_customer_idx ON code_issues (customer_id, id)`);
    await queryRunner.query(`
      CREATE TABLE generation_jobs (
        id uuid PRIMARY KEY,
        group_id text NOT NULL,
        spec jsonb NOT NULL,
        total bigint NOT NULL,
        done bigint NOT NULL DEFAULT 0,
        collisions bigint NOT NULL DEFAULT 0,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'cancelled', 'failed')),
        error text NULL,
        run_started_at timestamptz NULL,
        run_started_done bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        finished_at timestamptz NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE generation_jobs`);
    await queryRunner.query(`DROP TABLE code_issues`);
    await queryRunner.query(`DROP TABLE codes`);
    await queryRunner.query(`DROP TABLE code_groups`);
    await queryRunner.query(`DROP TABLE promotions`);
  }
}
