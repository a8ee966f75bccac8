import { type AdmissionRecord, admitCode, windowStatusAt } from './code-admission';

const record = (fields: Partial<AdmissionRecord> = {}): { kind: 'found'; record: AdmissionRecord } => ({
  kind: 'found',
  record: { promotionId: 'promo-winback', state: 'available', isBound: false, tokenValid: null, ...fields },
});

describe('admitCode', () => {
  it('admits an available bulk code for its promotion', () => {
    expect(admitCode(record(), null)).toEqual({ kind: 'admit', promotionId: 'promo-winback' });
  });

  it('refuses as unknown with lookup_unavailable when code-inventory cannot answer', () => {
    expect(admitCode({ kind: 'unavailable' }, null)).toEqual({ kind: 'refuse', reason: 'unknown', detail: 'lookup_unavailable' });
  });

  it('leaves a code code-inventory does not know to the engine (unknown)', () => {
    expect(admitCode({ kind: 'not_found' }, null)).toEqual({ kind: 'unknown' });
  });

  it('applies an email-bound code only with a token code-inventory found valid', () => {
    expect(admitCode(record({ isBound: true, tokenValid: true, state: 'issued' }), 'tok')).toEqual({ kind: 'admit', promotionId: 'promo-winback' });
    expect(admitCode(record({ isBound: true, tokenValid: false, state: 'issued' }), 'tok')).toEqual({
      kind: 'refuse',
      reason: 'customer_not_eligible',
      detail: 'token_invalid',
      promotionId: 'promo-winback',
    });
    expect(admitCode(record({ isBound: true, tokenValid: null, state: 'issued' }), null)).toMatchObject({ reason: 'customer_not_eligible', detail: 'token_missing' });
  });

  it('refuses a redeemed code as limit reached and a disabled one as unknown', () => {
    expect(admitCode(record({ state: 'redeemed' }), null)).toMatchObject({ kind: 'refuse', reason: 'limit_reached', detail: 'code_redeemed' });
    expect(admitCode(record({ state: 'disabled' }), null)).toMatchObject({ kind: 'refuse', reason: 'unknown', detail: 'code_disabled' });
  });

  it('refuses a code disabled only by its promotion\'s window as expired or not started, not unknown (#19.3)', () => {
    // Pricing's own reading of the promotion's window decides which: code-inventory only says "disabled".
    expect(admitCode(record({ state: 'disabled' }), null, () => 'expired')).toEqual({ kind: 'refuse', reason: 'expired', detail: 'promotion_expired', promotionId: 'promo-winback' });
    expect(admitCode(record({ state: 'disabled' }), null, () => 'not_started')).toEqual({ kind: 'refuse', reason: 'not_started', detail: 'promotion_not_started', promotionId: 'promo-winback' });
    // Inside its window (or not in the index at all) a disabled code is the merchant's doing: unknown.
    expect(admitCode(record({ state: 'disabled' }), null, () => 'active')).toMatchObject({ reason: 'unknown', detail: 'code_disabled' });
    expect(admitCode(record({ state: 'disabled' }), null, () => undefined)).toMatchObject({ reason: 'unknown', detail: 'code_disabled' });
  });
});

describe('windowStatusAt', () => {
  const entry = {
    id: 'promo-ny',
    kind: 'coupon' as const,
    definition: { id: 'promo-ny', kind: 'coupon', codes: [], rules: [{ reward: { type: 'orderPercent', percent: 10 } }], schedule: { start: '2026-06-01T00:00:00', end: '2026-07-01T00:00:00' } },
    limits: { totalUses: null, usesPerCode: null, usesPerCustomer: 1, consumeUnit: 'cart' as const },
  };

  it('reads a schedule without a zone in the store zone (New York, UTC-4 in summer)', () => {
    expect(windowStatusAt(entry, 'America/New_York', new Date('2026-06-01T03:59:59Z'))).toBe('not_started');
    expect(windowStatusAt(entry, 'America/New_York', new Date('2026-06-01T04:00:00Z'))).toBe('active');
    expect(windowStatusAt(entry, 'America/New_York', new Date('2026-07-01T03:59:59Z'))).toBe('active');
    expect(windowStatusAt(entry, 'America/New_York', new Date('2026-07-01T04:00:00Z'))).toBe('expired');
  });
});
