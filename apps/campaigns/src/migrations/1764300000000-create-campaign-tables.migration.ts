import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaign definitions, latest cart snapshots, orders seen, schedules, emails, suppressions, watermark progress (#9). */
export class CreateCampaignTables1764300000000 implements MigrationInterface {
  name = 'CreateCampaignTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaigns (
        campaign_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('abandoned_cart', 'retention')),
        name text NOT NULL,
        enabled boolean NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE cart_snapshots (
        cart_id text PRIMARY KEY,
        customer_id text,
        email text,
        marketing_consent boolean NOT NULL,
        currency char(3) NOT NULL,
        value bigint NOT NULL,
        line_count integer NOT NULL,
        snapshot jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE orders_seen (
        order_id text PRIMARY KEY,
        cart_id text NOT NULL,
        customer_id text,
        currency char(3) NOT NULL,
        total bigint NOT NULL,
        placed_at timestamptz NOT NULL,
        cancelled_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX orders_seen_cart_placed ON orders_seen (cart_id, placed_at)`);
    await queryRunner.query(`CREATE TABLE order_cancellations (order_id text PRIMARY KEY, cancelled_at timestamptz NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE email_schedules (
        campaign_id text NOT NULL,
        cart_id text NOT NULL,
        step integer NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'suppressed', 'cancelled')),
        reason text,
        decided_at timestamptz,
        PRIMARY KEY (campaign_id, cart_id, step)
      )`);
    await queryRunner.query(`CREATE INDEX email_schedules_pending ON email_schedules (due_at, cart_id COLLATE "C") WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE emails (
        email_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('abandoned_cart', 'retention')),
        campaign_id text NOT NULL,
        step integer NOT NULL,
        customer_id text NOT NULL,
        cart_id text,
        recipient text NOT NULL,
        due_at timestamptz NOT NULL,
        message_id text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        code text,
        code_token text,
        subject text,
        failure text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        opened_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX emails_customer_kind_due ON emails (customer_id, kind, due_at)`);
    await queryRunner.query(`CREATE INDEX emails_cart ON emails (cart_id)`);
    await queryRunner.query(`CREATE INDEX emails_status ON emails (status) WHERE status = 'queued'`);
    await queryRunner.query(`
      CREATE TABLE suppressions (
        email text PRIMARY KEY,
        customer_id text,
        reason text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE partition_progress (
        topic text NOT NULL,
        partition integer NOT NULL,
        max_event_time timestamptz NOT NULL,
        PRIMARY KEY (topic, partition)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['partition_progress', 'suppressions', 'emails', 'email_schedules', 'order_cancellations', 'orders_seen', 'cart_snapshots', 'campaigns']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
