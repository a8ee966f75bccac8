import { aCart } from '../../test/builders/cart.builder';
import { anAutomatic } from '../../test/builders/promotion.builder';
import { priceWith } from '../../test/builders/price-with';

const express = aCart().withLine({ unitPrice: 5000 }).withShipping({ country: 'US', zone: 'domestic', method: 'express', amount: 1999 }).build();

describe('freeShipping.reward', () => {
  it('makes shipping 0 in a listed zone', () => {
    const result = priceWith([anAutomatic('a', { type: 'freeShipping', zones: ['domestic'] })], express);
    expect(result.shipping).toEqual({ amount: 1999, discount: 1999, total: 0 });
    expect(result.total).toBe(5000);
  });

  it('does nothing in another zone or without shipping', () => {
    expect(priceWith([anAutomatic('a', { type: 'freeShipping', zones: ['international'] })], express).shipping?.discount).toBe(0);
    expect(priceWith([anAutomatic('a', { type: 'freeShipping', zones: null })], aCart().withLine({ unitPrice: 100 }).build()).shipping).toBeNull();
  });
});

describe('shippingAmount.reward', () => {
  it('takes the amount off a listed method, never below 0', () => {
    expect(priceWith([anAutomatic('a', { type: 'shippingAmount', amount: 500, methods: ['express'] })], express).discounts).toEqual({ a: 500 });
    expect(priceWith([anAutomatic('a', { type: 'shippingAmount', amount: 5000 })], express).discounts).toEqual({ a: 1999 });
    expect(priceWith([anAutomatic('a', { type: 'shippingAmount', amount: 500, methods: ['standard'] })], express).discounts).toEqual({});
  });
});

describe('shippingPercent.reward', () => {
  it('takes a percentage of shipping rounded half up (25% of 19.99 = 4.9975 -> 5.00)', () => {
    expect(priceWith([anAutomatic('a', { type: 'shippingPercent', percent: 25 })], express).discounts).toEqual({ a: 500 });
  });
});
