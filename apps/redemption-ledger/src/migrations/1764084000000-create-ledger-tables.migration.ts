import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's durable state (L3: Postgres is the source of truth): the promotions' limits, the
 * append-only ledger, the current state of every use (from which Redis counters are rebuilt),
 * reservations and the orders processed.
 */
export class CreateLedgerTables1764084000000 implements MigrationInterface {
  name = 'CreateLedgerTables1764084000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE promotion_limits (
        promotion_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('automatic', 'coupon')),
        version integer NOT NULL,
        is_deleted boolean NOT NULL DEFAULT false,
        total_uses integer,
        uses_per_code integer,
        uses_per_customer integer,
        consume_unit text NOT NULL CHECK (consume_unit IN ('cart', 'item')),
        changed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_entries (
        sequence bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('reserved', 'committed', 'released', 'expired', 'rejected', 'reversed')),
        order_id text,
        reservation_id text,
        promotion_id text NOT NULL,
        code text,
        code_key text,
        customer_id text,
        units integer NOT NULL,
        reason text,
        discount_amount bigint,
        currency char(3),
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ledger_entries_promotion_idx ON ledger_entries (promotion_id, sequence)`);
    await queryRunner.query(`CREATE INDEX ledger_entries_code_idx ON ledger_entries (code_key, sequence)`);
    await queryRunner.query(`CREATE INDEX ledger_entries_order_idx ON ledger_entries (order_id, sequence)`);
    await queryRunner.query(`
      CREATE TABLE usage_holds (
        hold_id text PRIMARY KEY,
        promotion_id text NOT NULL,
        reservation_id text,
        order_id text,
        code text,
        code_key text,
        customer_id text,
        units integer NOT NULL CHECK (units > 0),
        state text NOT NULL CHECK (state IN ('reserved', 'committed', 'released', 'expired', 'reversed')),
        expires_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX usage_holds_live_idx ON usage_holds (promotion_id) WHERE state IN ('reserved', 'committed')`);
    await queryRunner.query(`CREATE INDEX usage_holds_reservation_idx ON usage_holds (reservation_id)`);
    await queryRunner.query(`
      CREATE TABLE reservations (
        reservation_id text PRIMARY KEY,
        cart_id text NOT NULL,
        customer_id text NOT NULL,
        fingerprint text NOT NULL,
        uses jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('reserved', 'committed', 'released', 'expired')),
        order_id text,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE orders (
        order_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('placed', 'cancelled', 'cancelled_before_placed')),
        customer_id text,
        cart_id text,
        currency char(3),
        subtotal bigint,
        discount_total bigint,
        total bigint,
        reservation_id text,
        placed_at timestamptz,
        cancelled_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at)`);
    await queryRunner.query(`
      CREATE TABLE order_uses (
        order_id text NOT NULL,
        use_index integer NOT NULL,
        promotion_id text NOT NULL,
        code text,
        code_key text,
        customer_id text,
        units integer NOT NULL,
        discount_amount bigint NOT NULL,
        hold_id text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        reason text,
        is_reversed boolean NOT NULL DEFAULT false,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, use_index)
      )`);
    await queryRunner.query(`CREATE INDEX order_uses_promotion_idx ON order_uses (promotion_id, decided_at)`);
    await queryRunner.query(`CREATE INDEX order_uses_code_idx ON order_uses (code_key, decided_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['order_uses', 'orders', 'reservations', 'usage_holds', 'ledger_entries', 'promotion_limits']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
