import { createAppDataSource, runMigrations } from '@promo/persistence';
import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import type { DataSource } from 'typeorm';
import { pricingMigrations } from '../src/migrations';
import { LowerCaseCodeKeys1796649459584 } from '../src/migrations/1796649459584-lower-case-code-keys.migration';

/** The migrations up to (without) this one, and up to it: later ones are not this test's. */
const position = pricingMigrations.indexOf(LowerCaseCodeKeys1796649459584);
const beforeIt = pricingMigrations.slice(0, position);
const throughIt = pricingMigrations.slice(0, position + 1);

/** Pricing keyed codes upper case before #22; the migration re-keys them to the one normal form, lower case. */
describe('LowerCaseCodeKeys migration', () => {
  const schema = `pricing_rekey_${uniqueSuffix()}`;
  const sources: DataSource[] = [];

  const source = (migrations: readonly (typeof pricingMigrations)[number][]): DataSource => {
    const dataSource = createAppDataSource({ url: testInfra().pgUrl, schema, entities: [], migrations: [...migrations], poolSize: 1 });
    sources.push(dataSource);
    return dataSource;
  };

  const rows = async (dataSource: DataSource, table: 'code_usage' | 'promotion_codes'): Promise<unknown[]> =>
    dataSource.query(table === 'code_usage' ? `SELECT code, uses::int AS uses FROM code_usage ORDER BY code COLLATE "C"` : `SELECT code, promotion_id FROM promotion_codes ORDER BY code COLLATE "C"`);

  afterAll(async () => {
    const admin = sources.find((s) => s.isInitialized);
    if (admin) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
  });

  it('re-keys code_usage and promotion_codes to lower case, adding the uses of keys that fold to one, and back on down', async () => {
    const before = source(beforeIt);
    await runMigrations(before, schema);
    await before.query(
      `INSERT INTO promotions (id, kind, search_text, enabled, has_own_zone, definition, limits, version, change_seq, created_at, updated_at)
       VALUES ('p-1', 'coupon', '', true, false, '{}', '{}', 1, 1, now(), now())`,
    );
    await before.query(`INSERT INTO promotion_codes (code, promotion_id) VALUES ('WELCOME20', 'p-1'), ('ÉTÉ-10', 'p-1'), ('already-lower', 'p-1')`);
    // 'BULK-1' and 'bulk-1' both counted (the second from a replica already on the new code): 2 + 3 uses.
    await before.query(`INSERT INTO code_usage (code, uses) VALUES ('WELCOME20', 4), ('BULK-1', 2), ('bulk-1', 3), ('ÉTÉ-10', 1)`);
    await before.destroy();

    const after = source(throughIt);
    expect(await runMigrations(after, schema)).toEqual(['LowerCaseCodeKeys1796649459584']);
    expect(await rows(after, 'code_usage')).toEqual([
      { code: 'bulk-1', uses: 5 },
      { code: 'welcome20', uses: 4 },
      { code: 'été-10', uses: 1 },
    ]);
    expect(await rows(after, 'promotion_codes')).toEqual([
      { code: 'already-lower', promotion_id: 'p-1' },
      { code: 'welcome20', promotion_id: 'p-1' },
      { code: 'été-10', promotion_id: 'p-1' },
    ]);

    await after.undoLastMigration();
    expect(await rows(after, 'code_usage')).toEqual([
      { code: 'BULK-1', uses: 5 },
      { code: 'WELCOME20', uses: 4 },
      { code: 'ÉTÉ-10', uses: 1 },
    ]);
  });
});
