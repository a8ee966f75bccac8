import { aCart } from '../../test/builders/cart.builder';
import { aCoupon, anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const hundred = aCart().withLine({ unitPrice: 10000 });
const tenPercent = { type: 'orderPercent', percent: 10 };

// #19 item 10: a shopper reads the promotion's name, never its internal id; `conflictsWith` stays the id (machine-readable).
describe('shopper sentences name promotions, never their ids', () => {
  it('names the automatic promotion a code cannot be combined with', () => {
    const result = priceWith(
      [anAutomatic('promo-auto10', tenPercent, { name: 'Autumn sale', stacking: 'exclusive' }), aCoupon('save5', tenPercent)],
      hundred.withCodes('SAVE5').build(),
    );
    expect(result.codes['SAVE5']).toMatchObject({ reason: 'not_combinable', conflictsWith: 'promo-auto10', message: 'SAVE5 cannot be combined with Autumn sale.' });
  });

  it('names the automatic promotion that blocked another, and the blocked one', () => {
    const result = priceWith(
      [anAutomatic('promo-first', tenPercent, { name: 'Welcome offer', priority: 1 }), anAutomatic('promo-solo', tenPercent, { name: 'Solo deal', priority: 2, stacking: 'exclusive' })],
      hundred.build(),
    );
    expect(result.notApplied['promo-solo']).toMatchObject({ conflictsWith: 'promo-first', message: 'Solo deal cannot be combined with Welcome offer.' });
  });

  it('says "this promotion" or "the other promotions" where a promotion has no name', () => {
    const result = priceWith(
      [anAutomatic('promo-auto10', tenPercent, { stacking: 'exclusive' }), anAutomatic('promo-late', tenPercent, { priority: 2 }), aCoupon('save5', tenPercent)],
      hundred.withCodes('SAVE5').build(),
    );
    expect(result.codes['SAVE5']?.message).toBe('SAVE5 cannot be combined with the other promotions in your cart.');
    expect(result.notApplied['promo-late']?.message).toBe('This promotion cannot be combined with the other promotions in your cart.');
  });
});
