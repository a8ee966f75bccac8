import { BULK_ONLY_PLACEHOLDER, columnsOf, engineShape, parsePromotionDraft, statusAt } from './promotion-draft';

const coupon = { id: 'c-1', kind: 'coupon', codes: [' Welcome20 '], rules: [{ reward: { type: 'orderPercent', percent: 20 } }] };

describe('parsePromotionDraft', () => {
  it('keeps limits and enabled beside the engine shape, with defaults', () => {
    const parsed = parsePromotionDraft({ ...coupon, limits: { usesPerCustomer: 1 }, enabled: false });
    expect(parsed).toMatchObject({
      ok: true,
      // C2's normal form, trimmed and lower-cased as every service stores codes (#22: pricing used to upper-case).
      draft: { id: 'c-1', enabled: false, codes: ['welcome20'], limits: { totalUses: null, usesPerCode: null, usesPerCustomer: 1, consumeUnit: 'cart' } },
    });
    if (parsed.ok) expect(Object.keys(parsed.draft.definition).sort()).toEqual(['codes', 'id', 'kind', 'rules']);
  });

  it('reports engine and limit errors together, with their paths', () => {
    const parsed = parsePromotionDraft({ id: 'x', kind: 'coupon', rules: [], limits: { totalUses: 1.5, perDay: 3, consumeUnit: 'order' } });
    expect(parsed.ok ? [] : parsed.errors.map((e) => `${e.field}:${e.reason}`).sort()).toEqual([
      'limits.consumeUnit:invalid_value',
      'limits.perDay:unknown_field',
      'limits.totalUses:out_of_range',
      'rules:invalid_type',
    ]);
  });

  it('refuses a body id that differs from the URL', () => {
    const parsed = parsePromotionDraft(coupon, 'c-2');
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['id']);
  });

  it('accepts a coupon whose codes all live in code-inventory', () => {
    const parsed = parsePromotionDraft({ ...coupon, codes: [] });
    expect(parsed).toMatchObject({ ok: true, draft: { codes: [] } });
    expect(engineShape({ ...coupon, codes: [] })['codes']).toEqual([BULK_ONLY_PLACEHOLDER]);
  });
});

describe('columnsOf and statusAt', () => {
  it('resolves a schedule without a zone in the store zone (P5), and derives the status at an instant', () => {
    const parsed = parsePromotionDraft({ ...coupon, schedule: { start: '2026-03-08T03:00:00', end: '2026-03-09T00:00:00' } });
    if (!parsed.ok) throw new Error('expected a valid draft');
    const columns = columnsOf(parsed.draft, 'America/New_York');
    // 03:00 on the spring-forward day is already EDT (UTC−4); midnight on the 9th too.
    expect(columns.startsAt?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(columns.endsAt?.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const row = { enabled: true, startsAt: columns.startsAt, endsAt: columns.endsAt };
    expect(statusAt(row, new Date('2026-03-08T06:59:59Z'))).toBe('scheduled');
    expect(statusAt(row, new Date('2026-03-08T07:00:00Z'))).toBe('active');
    expect(statusAt(row, new Date('2026-03-09T04:00:00Z'))).toBe('expired');
    expect(statusAt({ ...row, enabled: false }, new Date('2026-03-08T08:00:00Z'))).toBe('disabled');
  });
});
