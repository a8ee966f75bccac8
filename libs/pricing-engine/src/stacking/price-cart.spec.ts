import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const hundred = aCart().withLine({ unitPrice: 10000 });
const tenPercent = { type: 'orderPercent', percent: 10 };

describe('priceCart: automatic promotions (P7)', () => {
  it('skips an exclusive automatic promotion when another has applied', () => {
    const result = priceWith([anAutomatic('a', tenPercent, { priority: 1 }), anAutomatic('x', { type: 'orderPercent', percent: 50 }, { priority: 2, stacking: 'exclusive' })], hundred.build());
    expect(result.discounts).toEqual({ a: 1000 });
    expect(result.notApplied['x']).toMatchObject({ reason: 'not_combinable', conflictsWith: 'a' });
  });

  it('lets an exclusive automatic promotion block later ones and every code', () => {
    const result = priceWith(
      [anAutomatic('x', tenPercent, { priority: 1, stacking: 'exclusive' }), anAutomatic('b', tenPercent, { priority: 2 }), aCoupon('code', tenPercent)],
      hundred.withCodes('CODE').build(),
    );
    expect(result.discounts).toEqual({ x: 1000 });
    expect(result.notApplied['b']).toMatchObject({ reason: 'not_combinable', conflictsWith: 'x' });
    expect(result.codes['CODE']).toMatchObject({ status: 'rejected', reason: 'not_combinable', conflictsWith: 'x' });
  });

  it('gives only the last qualifying rule in lastQualifying mode (P6)', () => {
    const promotion = {
      id: 'r', kind: 'automatic', priority: 1, rulesMode: 'lastQualifying',
      rules: [
        { conditions: { subtotalAtLeast: 5000 }, reward: { type: 'orderAmount', amount: 500 } },
        { conditions: { subtotalAtLeast: 8000 }, reward: { type: 'orderAmount', amount: 1500 } },
        { conditions: { subtotalAtLeast: 20000 }, reward: { type: 'orderAmount', amount: 5000 } },
      ],
    };
    expect(priceWith([promotion], hundred.build()).discounts).toEqual({ r: 1500 });
  });

  it('targets guests as the group "guest", segments and shipping countries (P4)', () => {
    const guestOnly = anAutomatic('g', tenPercent, { targeting: { customerGroups: { include: ['guest'] } } });
    const noCanada = anAutomatic('c', tenPercent, { priority: 2, targeting: { countries: { exclude: ['CA'] } } });
    const vipSegment = anAutomatic('s', tenPercent, { priority: 3, targeting: { segments: { include: ['vip'] } } });
    const cart = hundred.withCustomer(null).withShipping({ country: 'CA', amount: 0 }).build();
    const result = priceWith([guestOnly, noCanada, vipSegment], cart);
    expect(Object.keys(result.discounts)).toEqual(['g']);
    expect(result.notApplied['c']?.reason).toBe('customer_not_eligible');
    expect(result.notApplied['s']?.reason).toBe('customer_not_eligible');
  });
});

describe('priceCart: codes (P7, P10)', () => {
  it('matches codes case-insensitively with spaces trimmed (C2)', () => {
    const result = priceWith([aCoupon('ten', tenPercent)], hundred.withCodes('  tEn ').build());
    expect(result.codes['  tEn ']).toMatchObject({ status: 'applied', promotionId: 'ten', discount: 1000, message: 'tEn applied: you save $10.00.' });
  });

  it('reports the first failing reason in the README order', () => {
    // Expired, wrong channel and over its limit: expired wins.
    const code = aCoupon('old', tenPercent, { schedule: { end: '2020-01-01T00:00:00' }, targeting: { channels: ['pos'] }, usage: { limit: 1, used: 1 } });
    expect(priceWith([code], hundred.withCodes('OLD').build()).codes['OLD']).toMatchObject({ status: 'rejected', reason: 'expired', message: 'OLD has expired.' });
  });

  it('refuses a second code of a BOGO code, and a BOGO code after another code', () => {
    const bogo = aCoupon('bogo', { type: 'buyXgetY', buy: { quantity: 1, items: { include: { anyItem: true } } }, get: { quantity: 1, items: { include: { anyItem: true } }, percent: 100 } });
    const settings = someSettings({ maxCodesPerOrder: 3 });
    const cart = aCart().withLine({ unitPrice: 1000, quantity: 2 });
    const after = priceWith([bogo, aCoupon('ten', tenPercent)], cart.withCodes('TEN', 'BOGO').build(), settings);
    expect(after.codes['BOGO']).toMatchObject({ status: 'rejected', reason: 'not_combinable', conflictsWith: 'ten' });
  });

  it('refuses an exclusive code when a promotion has applied, and any code after an exclusive code', () => {
    const settings = someSettings({ maxCodesPerOrder: 3 });
    const exclusiveLate = priceWith([anAutomatic('a', tenPercent), aCoupon('solo', tenPercent, { stacking: 'exclusive' })], hundred.withCodes('SOLO').build(), settings);
    expect(exclusiveLate.codes['SOLO']).toMatchObject({ reason: 'not_combinable', conflictsWith: 'a' });
    const exclusiveFirst = priceWith([aCoupon('solo', tenPercent, { stacking: 'exclusive' }), aCoupon('ten', tenPercent)], hundred.withCodes('SOLO', 'TEN').build(), settings);
    expect(exclusiveFirst.codes['TEN']).toMatchObject({ reason: 'not_combinable', conflictsWith: 'solo' });
  });

  it('replaceIfBetter counts shipping in the automatic discounts it must beat', () => {
    const cart = hundred.withShipping({ country: 'US', zone: 'domestic', method: 'standard', amount: 1500 }).withCodes('SAVE12').build();
    const result = priceWith([anAutomatic('a', tenPercent), anAutomatic('ship', { type: 'freeShipping', zones: null }, { priority: 2 }), aCoupon('save12', { type: 'orderPercent', percent: 12 }, { stacking: 'replaceIfBetter' })], cart);
    expect(result.codes['SAVE12']).toMatchObject({ status: 'rejected', reason: 'not_combinable', conflictsWith: 'a' });
    expect(result.discounts).toEqual({ a: 1000, ship: 1500 });
  });

  it('says what is missing for a quantity condition', () => {
    const code = { id: 'q', kind: 'coupon', codes: ['THREE'], rules: [{ conditions: { quantityAtLeast: { count: 3, items: { anyItem: true } } }, reward: tenPercent }] };
    expect(priceWith([code], hundred.withCodes('THREE').build()).codes['THREE']).toMatchObject({
      reason: 'condition_not_met', missing: { quantity: 2 }, message: 'Add 2 more eligible items to use THREE.',
    });
  });

  it('formats the missing amount for the currency', () => {
    const code = { id: 'y', kind: 'coupon', codes: ['YEN'], rules: [{ conditions: { subtotalAtLeast: 5000 }, reward: tenPercent }] };
    const cart = aCart().withCurrency('JPY', 0).withLine({ unitPrice: 3800 }).withCodes('YEN').build();
    expect(priceWith([code], cart).codes['YEN']?.message).toBe('Add ¥1,200 more to use YEN.');
  });
});
