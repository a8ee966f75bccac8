import type { PromotionRow } from './promotion.row';
import { promotionChanged } from './promotion-view';

const row = (fields: Partial<PromotionRow>): PromotionRow => ({
  id: 'p-ny',
  kind: 'coupon',
  name: null,
  enabled: true,
  priority: null,
  startsAt: null,
  endsAt: null,
  definition: { id: 'p-ny', kind: 'coupon', codes: ['SUMMER'], schedule: { start: '2026-06-01T00:00:00', end: '2026-07-01T00:00:00' } },
  limits: { totalUses: null, usesPerCode: null, usesPerCustomer: 1, consumeUnit: 'cart' },
  version: 3,
  createdAt: new Date('2026-05-01T00:00:00Z'),
  updatedAt: new Date('2026-05-01T00:00:00Z'),
  ...fields,
});

describe('promotionChanged', () => {
  it('carries the start and end instants resolved in the store zone, which the wall times alone do not give (#19.3)', () => {
    // The row's instants were resolved in America/New_York (EDT, UTC-4) when it was written.
    const data = promotionChanged(row({ startsAt: new Date('2026-06-01T04:00:00Z'), endsAt: new Date('2026-07-01T04:00:00Z') }), 'updated', new Date('2026-05-02T00:00:00Z'));
    expect(data).toMatchObject({ startsAt: '2026-06-01T04:00:00.000Z', endsAt: '2026-07-01T04:00:00.000Z' });
  });

  it('says null for an open start or end', () => {
    expect(promotionChanged(row({}), 'created', new Date('2026-05-02T00:00:00Z'))).toMatchObject({ startsAt: null, endsAt: null });
  });
});
