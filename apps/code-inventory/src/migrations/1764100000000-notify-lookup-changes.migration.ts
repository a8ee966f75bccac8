import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The code lookup's in-process cache (C2, C9) is kept exact by Postgres notifications sent in the
 * writing transaction, so they arrive only after its commit and on every replica. Triggers rather than
 * calls in each writer: no path that changes a code or a promotion can forget to announce it.
 * Payloads on `code_inventory_lookup`: `code:<normalized code>`, `promotion:<id>`, or `*` (forget all:
 * deletes and truncates can touch millions of rows, one notification per statement is enough).
 * Inserts of new codes need none: the cache never holds an absent code.
 */
export class NotifyLookupChanges1764100000000 implements MigrationInterface {
  name = 'NotifyLookupChanges1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_code_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('code_inventory_lookup', 'code:' || lower(OLD.code));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION notify_promotion_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('code_inventory_lookup', 'promotion:' || COALESCE(NEW.promotion_id, OLD.promotion_id));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION notify_lookup_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('code_inventory_lookup', '*');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER codes_notify_changed AFTER UPDATE ON codes
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION notify_code_changed()`);
    await queryRunner.query(`CREATE TRIGGER codes_notify_deleted AFTER DELETE OR TRUNCATE ON codes FOR EACH STATEMENT EXECUTE FUNCTION notify_lookup_flush()`);
    await queryRunner.query(`CREATE TRIGGER promotions_notify_changed AFTER INSERT OR UPDATE OR DELETE ON promotions FOR EACH ROW EXECUTE FUNCTION notify_promotion_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER promotions_notify_changed ON promotions`);
    await queryRunner.query(`DROP TRIGGER codes_notify_deleted ON codes`);
    await queryRunner.query(`DROP TRIGGER codes_notify_changed ON codes`);
    await queryRunner.query(`DROP FUNCTION notify_lookup_flush()`);
    await queryRunner.query(`DROP FUNCTION notify_promotion_changed()`);
    await queryRunner.query(`DROP FUNCTION notify_code_changed()`);
  }
}
