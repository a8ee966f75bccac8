import { aCart } from '../../test/builders/cart.builder';
import { aCompiledPromotion } from '../../test/builders/compiled-promotion';
import { anAutomatic, someSettings } from '../../test/builders/promotion.builder';
import { prepareCart } from '../cart/prepare-cart';
import type { Settings } from '../model/settings';
import { applyPromotion, newLedger } from './ledger';

/** Lines of 6000 and 4000, shipping 800. */
const wire = aCart().withLine({ unitPrice: 6000 }).withLine({ unitPrice: 4000 }).withShipping({ country: 'US', amount: 800 }).build();

function applyOn(raw: unknown, settings: Settings = someSettings()) {
  const cart = prepareCart(wire, settings);
  const ledger = newLedger(cart);
  const promotion = aCompiledPromotion(raw, settings);
  return { application: applyPromotion(promotion, promotion.promotion.rules, null, cart, ledger, settings), ledger };
}

describe('newLedger', () => {
  it('starts with every line and shipping method whole', () => {
    const ledger = newLedger(prepareCart(wire, someSettings()));
    expect(ledger).toEqual({ left: [6000, 4000], shippingLeft: [800], totals: [6000, 4000], shippingTotals: [800] });
  });
});

describe('applyPromotion', () => {
  it('takes the discount off what is left and records it per line (README rule 4)', () => {
    // 10% of 10000 = 1000, by what is left: 600 and 400.
    const { application, ledger } = applyOn(anAutomatic('ten', { type: 'orderPercent', percent: 10 }));
    expect(application.lines).toEqual([600, 400]);
    expect(application.total).toBe(1000);
    expect(ledger.left).toEqual([5400, 3600]);
  });

  it('lets the next rule see what the rule before left, in cumulative mode (README rule 20)', () => {
    // 1000 off (600/400), then 10% of what is left, 9000: 900 (540/360). Lines 1140 and 760.
    const rules = [{ reward: { type: 'orderAmount', amount: 1000 } }, { reward: { type: 'orderPercent', percent: 10 } }];
    const { application } = applyOn(anAutomatic('two', {}, { rules }));
    expect(application.lines).toEqual([1140, 760]);
    expect(application.total).toBe(1900);
  });

  it('computes each rule on the original prices in independent mode (P9)', () => {
    // 1000 off (600/400), then 10% of the original 10000: 1000 (600/400). Lines 1200 and 800.
    const rules = [{ reward: { type: 'orderAmount', amount: 1000 } }, { reward: { type: 'orderPercent', percent: 10 } }];
    const { application } = applyOn(anAutomatic('two', {}, { rules }), someSettings({ calculation: 'independent' }));
    expect(application.lines).toEqual([1200, 800]);
    expect(application.total).toBe(2000);
  });

  it('caps a rule at its maxDiscount, split by the parts it would have given (README rule 15)', () => {
    // 50% = 5000 (3000/2000), capped at 1000: 600/400.
    const { application, ledger } = applyOn(anAutomatic('cap', { type: 'orderPercent', percent: 50, maxDiscount: 1000 }));
    expect(application.lines).toEqual([600, 400]);
    expect(ledger.left).toEqual([5400, 3600]);
  });

  it('caps the whole promotion at its remaining budget and gives the rest back (README rule 19)', () => {
    // 10% = 1000 (600/400), budget 700: 700 × 600/1000 = 420, 700 × 400/1000 = 280.
    const { application, ledger } = applyOn(anAutomatic('budget', { type: 'orderPercent', percent: 10 }, { limits: { budgetRemaining: 700 } }));
    expect(application.lines).toEqual([420, 280]);
    expect(application.total).toBe(700);
    expect(ledger.left).toEqual([5580, 3720]);
  });

  it('takes a shipping discount off the shipping methods, counted in the total', () => {
    const { application, ledger } = applyOn(anAutomatic('ship', { type: 'freeShipping' }));
    expect(application.lines).toEqual([0, 0]);
    expect(application.shippingMethods).toEqual([800]);
    expect(application.shipping).toBe(800);
    expect(application.total).toBe(800);
    expect(ledger.shippingLeft).toEqual([0]);
  });

  it('records a gift without a discount', () => {
    const { application } = applyOn(anAutomatic('gift', { type: 'gift', sku: 'TOTE', quantity: 1 }));
    expect(application.gifts).toEqual([{ promotionId: 'gift', sku: 'TOTE', quantity: 1 }]);
    expect(application.total).toBe(0);
  });
});
