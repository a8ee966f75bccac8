import { itemsToText, parseItemsText } from './items-text';

describe('parseItemsText', () => {
  it('reads the short form', () => {
    expect(parseItemsText('category: shoes, bags ')).toEqual({ ok: true, value: { include: { category: ['shoes', 'bags'] } } });
  });

  it('reads all and blank as any item', () => {
    expect(parseItemsText('all')).toEqual({ ok: true, value: null });
    expect(parseItemsText('')).toEqual({ ok: true, value: null });
  });

  it('passes JSON through and names bad input', () => {
    expect(parseItemsText('{"include":{"onSale":true}}')).toEqual({ ok: true, value: { include: { onSale: true } } });
    expect(parseItemsText('colour: red').ok).toBe(false);
    expect(parseItemsText('{oops').ok).toBe(false);
  });
});

describe('itemsToText', () => {
  it('writes one list in the short form and the rest as JSON', () => {
    expect(itemsToText({ include: { sku: ['A', 'B'] } })).toBe('sku: A, B');
    expect(itemsToText(null)).toBe('all');
    expect(itemsToText({ include: { category: ['x'] }, exclude: { onSale: true } })).toBe('{"include":{"category":["x"]},"exclude":{"onSale":true}}');
  });
});
