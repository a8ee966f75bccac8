import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const tees = { include: { product: ['p-tee'] } };
const caps = { include: { product: ['p-cap'] } };

describe('buyXgetY.reward', () => {
  it('BOGO once on one line of 3 gives one unit free', () => {
    const cart = aCart().withLine({ productId: 'p-tee', unitPrice: 2500, quantity: 3 }).build();
    const reward = { type: 'buyXgetY', buy: { quantity: 1, items: tees }, get: { quantity: 1, items: tees, percent: 100 }, pick: 'cheapest', frequency: 'once' };
    expect(priceWith([anAutomatic('a', reward)], cart).discounts).toEqual({ a: 2500 });
  });

  it('BOGO unlimited gives one free per pair; an odd unit stays paid', () => {
    const cart = aCart().withLine({ productId: 'p-tee', unitPrice: 2500, quantity: 5 }).build();
    const reward = { type: 'buyXgetY', buy: { quantity: 1, items: tees }, get: { quantity: 1, items: tees, percent: 100 }, pick: 'cheapest', frequency: 'unlimited' };
    expect(priceWith([anAutomatic('a', reward)], cart).discounts).toEqual({ a: 5000 });
  });

  it('gives the cheapest units and keeps the dearest as bought', () => {
    const cart = aCart()
      .withLine({ productId: 'p-tee', unitPrice: 3000 })
      .withLine({ productId: 'p-tee', unitPrice: 1000 })
      .withLine({ productId: 'p-tee', unitPrice: 2000 })
      .withLine({ productId: 'p-tee', unitPrice: 1500 })
      .build();
    const reward = { type: 'buyXgetY', buy: { quantity: 1, items: tees }, get: { quantity: 1, items: tees, percent: 50 }, pick: 'cheapest', frequency: 'unlimited' };
    // round 1: give 10.00 (50% = 5.00), buy 30.00; round 2: give 15.00 (7.50), buy 20.00
    const result = priceWith([anAutomatic('a', reward)], cart);
    expect(result.allocation['a']).toEqual({ l2: 500, l4: 750 });
  });

  it('buy one product, get another at an amount off, capped at its price', () => {
    const cart = aCart().withLine({ productId: 'p-tee', unitPrice: 2500 }).withLine({ productId: 'p-cap', unitPrice: 800, quantity: 2 }).build();
    const reward = { type: 'buyXgetY', buy: { quantity: 1, items: tees }, get: { quantity: 2, items: caps, amount: 1000 }, pick: 'cheapest', frequency: 'once' };
    expect(priceWith([anAutomatic('a', reward)], cart).allocation['a']).toEqual({ l2: 1600 });
  });

  it('gives nothing without enough units to buy', () => {
    const cart = aCart().withLine({ productId: 'p-cap', unitPrice: 800 }).build();
    const reward = { type: 'buyXgetY', buy: { quantity: 1, items: tees }, get: { quantity: 1, items: caps, percent: 100 }, pick: 'cheapest', frequency: 'once' };
    expect(priceWith([anAutomatic('a', reward)], cart).discounts).toEqual({});
  });
});

describe('buyXgetY maxRounds (README rule 16)', () => {
  it('gives with maxRounds 1 exactly what once gives', () => {
    const cart = aCart().withLine({ unitPrice: 1000, quantity: 6 }).build();
    const reward = { type: 'buyXgetY', buy: { quantity: 1, items: { anyItem: true } }, get: { quantity: 1, items: { anyItem: true }, percent: 100 }, pick: 'cheapest' };
    const once = priceWith([anAutomatic('b', { ...reward, frequency: 'once' })], cart);
    const oneRound = priceWith([anAutomatic('b', { ...reward, frequency: 'unlimited', maxRounds: 1 })], cart);
    expect(oneRound.allocation).toEqual({ b: { l1: 1000 } });
    expect(oneRound.allocation).toEqual(once.allocation);
  });
});
