import { type CachedCode, CodeLookupCache } from './code-lookup.cache';

const code: CachedCode = { code: 'SUMMER-1', promotionId: 'promo-1', groupId: 'G1', state: 'available', hidden: false, boundCustomerId: null };
const promotion = { isEnabled: true, isDeleted: false, startsAt: null, endsAt: null };

describe('CodeLookupCache', () => {
  let cache: CodeLookupCache;
  beforeEach(() => {
    cache = new CodeLookupCache();
    cache.setLive(true);
  });

  it('answers a stored code with its promotion', () => {
    cache.store('summer-1', code, promotion, cache.startRead());
    expect(cache.get('summer-1')).toEqual({ code, promotion });
  });

  it('refuses to store a read that started before a change was heard', () => {
    const readEpoch = cache.startRead();
    cache.forgetCode('other-code');
    cache.store('summer-1', code, promotion, readEpoch);
    expect(cache.get('summer-1')).toBeUndefined();
  });

  it('forgets a changed code, and every code of a changed promotion', () => {
    cache.store('summer-1', code, promotion, cache.startRead());
    cache.store('summer-2', { ...code, code: 'SUMMER-2' }, promotion, cache.startRead());
    cache.forgetCode('summer-1');
    expect(cache.get('summer-1')).toBeUndefined();
    expect(cache.get('summer-2')).toBeDefined();
    cache.forgetPromotion('promo-1');
    expect(cache.get('summer-2')).toBeUndefined();
  });

  it('answers nothing and stores nothing while changes are not being heard', () => {
    cache.store('summer-1', code, promotion, cache.startRead());
    cache.setLive(false);
    expect(cache.get('summer-1')).toBeUndefined();
    cache.store('summer-1', code, promotion, cache.startRead());
    cache.setLive(true);
    expect(cache.get('summer-1')).toBeUndefined();
  });

  it('keeps a promotion no change was heard of as known-absent (null)', () => {
    cache.store('summer-1', code, null, cache.startRead());
    expect(cache.get('summer-1')).toEqual({ code, promotion: null });
  });
});
