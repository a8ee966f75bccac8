import { effectiveCodeState, type PromotionValidity } from './code-state';

const window = (startsAt: string | null, endsAt: string | null, extra: Partial<PromotionValidity> = {}): PromotionValidity => ({
  isEnabled: true,
  isDeleted: false,
  startsAt: startsAt === null ? null : new Date(startsAt),
  endsAt: endsAt === null ? null : new Date(endsAt),
  ...extra,
});
const at = new Date('2026-06-15T12:00:00Z');

describe('effectiveCodeState', () => {
  it('keeps the stored state while the promotion runs', () => {
    expect(effectiveCodeState('issued', window('2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z'), at)).toBe('issued');
  });

  it('reads as disabled after the end, before the start, when disabled or deleted', () => {
    expect(effectiveCodeState('available', window('2026-06-01T00:00:00Z', '2026-06-15T12:00:00Z'), at)).toBe('disabled');
    expect(effectiveCodeState('available', window('2026-06-16T00:00:00Z', null), at)).toBe('disabled');
    expect(effectiveCodeState('available', window(null, null, { isEnabled: false }), at)).toBe('disabled');
    expect(effectiveCodeState('available', window(null, null, { isDeleted: true }), at)).toBe('disabled');
  });

  it('keeps the stored state when nothing is known of the promotion yet', () => {
    expect(effectiveCodeState('redeemed', null, at)).toBe('redeemed');
  });
});
