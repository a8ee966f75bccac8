import { LookupAnswersCache } from './lookup-answers.cache';

const notFound = { kind: 'not_found' } as const;
const found = {
  kind: 'found',
  record: { code: 'A', normalizedCode: 'a', promotionId: 'p', groupId: 'g', state: 'available', hidden: false, isBound: false, tokenValid: null },
} as const;

describe('LookupAnswersCache', () => {
  it('answers until the entry expires', () => {
    const cache = new LookupAnswersCache(10, 100);
    cache.set('A', '', found, 0);
    expect(cache.get('A', '', 99)).toEqual(found);
    expect(cache.get('A', '', 100)).toBeUndefined();
  });

  it('drops the least recently used entry beyond its bound', () => {
    const cache = new LookupAnswersCache(2, 1_000);
    cache.set('A', '', found, 0);
    cache.set('B', '', found, 0);
    expect(cache.get('A', '', 1)).toEqual(found); // A is now the most recent
    cache.set('C', '', notFound, 2);
    expect(cache.get('B', '', 3)).toBeUndefined();
    expect(cache.get('A', '', 3)).toEqual(found);
    expect(cache.size).toBe(2);
  });

  it('forgets every variant of a code when it changes', () => {
    const cache = new LookupAnswersCache(10, 1_000);
    cache.set('A', 'cu-1|t1', found, 0);
    cache.set('A', 'cu-2|t2', found, 0);
    cache.set('B', '', found, 0);
    cache.invalidate('A');
    expect(cache.get('A', 'cu-1|t1', 1)).toBeUndefined();
    expect(cache.get('A', 'cu-2|t2', 1)).toBeUndefined();
    expect(cache.get('B', '', 1)).toEqual(found);
  });

  it('tracks no more codes than it holds entries, whatever characters the codes and variants hold (#19 hole 5)', () => {
    const cache = new LookupAnswersCache(2, 1_000);
    for (let i = 0; i < 1_000; i += 1) cache.set(`X\u0001${i}`, `cu\u0001${i}`, notFound, 0);
    expect(cache.size).toBe(2);
    expect(cache.trackedCodes).toBe(2);
  });

  it('never answers one code or variant with another that differs only where a separator could be', () => {
    const cache = new LookupAnswersCache(10, 1_000);
    cache.set('A\u0001cu-1', 't1', found, 0);
    expect(cache.get('A', 'cu-1\u0001t1', 1)).toBeUndefined();
    expect(cache.get('A\u0001cu-1', 't1', 1)).toEqual(found);
  });
});
