import { ManualClock } from '@promo/platform';
import { createTestDatabase, dropTestDatabase } from '@promo/platform/testing';
import { anAutomatic } from './builders/promotion.builder';
import { type PricingApp, startPricingApp } from './support/pricing-app';

/**
 * #19.3: a schedule that names no zone runs in the store's zone; when the store moves, its instants move, and the
 * services that keep a promotion's window (code-inventory) learn it only from pricing.promotion-changed.
 */
describe('a new store time zone moves zoneless schedules and announces them (P5, C9)', () => {
  const clock = new ManualClock('2026-05-01T12:00:00Z');
  let database: string;
  let pricing: PricingApp;

  beforeAll(async () => {
    // A database of its own: the store settings are one row, which other test files must not see change.
    database = await createTestDatabase('pricing_store_zone');
    pricing = await startPricingApp({ PG_URL: database }, clock);
  }, 60_000);

  afterAll(async () => {
    await pricing.close();
    await dropTestDatabase(database, 'pricing_store_zone');
  }, 30_000);

  const changes = async (promotionId: string): Promise<{ version: number; startsAt: string | null | undefined; endsAt: string | null | undefined }[]> => {
    const { rows } = await pricing.sql.query<{ value: string }>(`SELECT value FROM outbox_messages WHERE topic = 'pricing.promotion-changed' AND key = $1 ORDER BY id`, [promotionId]);
    return rows.map((row) => {
      const { version, startsAt, endsAt } = (JSON.parse(row.value) as { data: { version: number; startsAt?: string | null; endsAt?: string | null } }).data;
      return { version, startsAt, endsAt };
    });
  };

  it('publishes the moved instants of a zoneless schedule, and nothing for a schedule with its own zone', async () => {
    const zoneless = anAutomatic().withAmountOff(100).with({ schedule: { start: '2026-06-01T00:00:00', end: '2026-07-01T00:00:00' } }).build();
    const ownZone = anAutomatic().withAmountOff(100).with({ schedule: { start: '2026-06-01T00:00:00', timeZone: 'Europe/Paris' } }).build();
    for (const promotion of [zoneless, ownZone]) expect((await pricing.admin('POST', '/v1/promotions', promotion)).status).toBe(201);

    expect((await pricing.admin('PUT', '/v1/settings', { timeZone: 'America/New_York' })).status).toBe(200);

    // New York is UTC-4 in June: midnight there is 04:00Z.
    expect(await changes(String(zoneless['id']))).toEqual([
      { version: 1, startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-07-01T00:00:00.000Z' },
      { version: 2, startsAt: '2026-06-01T04:00:00.000Z', endsAt: '2026-07-01T04:00:00.000Z' },
    ]);
    expect(await changes(String(ownZone['id']))).toEqual([{ version: 1, startsAt: '2026-05-31T22:00:00.000Z', endsAt: null }]);
  });
});
