import { filterValuesOf, mergeSuggestions, seenQuery } from './catalog-suggestions';

describe('filterValuesOf', () => {
  it('collects the filter values of conditions and rewards, nested filters included', () => {
    const promotions = [
      {
        rules: [
          {
            conditions: { all: [{ quantityAtLeast: { count: 2, items: { include: { category: ['shoes'] }, exclude: { any: [{ brand: ['Ridge'] }, { category: ['sale'] }] } } } }] },
            reward: { type: 'itemsPercent', percent: 10, items: { sku: ['A-1'], option: { name: 'color', in: ['red', 'blue'] } } },
          },
        ],
      },
      { rules: [{ reward: { type: 'linesAmount', amount: 100, items: { include: { category: ['shoes', 'bags'], customField: { name: 'age', gte: 3 } } } } }] },
    ];
    expect(Object.fromEntries(filterValuesOf(promotions))).toEqual({
      category: ['shoes', 'sale', 'bags'],
      brand: ['Ridge'],
      sku: ['A-1'],
      option: ['color'],
      'option:color': ['red', 'blue'],
      customField: ['age'],
      'customField:age': [],
    });
  });
});

describe('mergeSuggestions', () => {
  it('puts what the carts carried first and adds the promotions’ own values once', () => {
    expect(mergeSuggestions(['shoes', 'tops'], ['bags', 'shoes'])).toEqual(['shoes', 'tops', 'bags']);
  });
});

describe('seenQuery', () => {
  it('asks for a filter key, or for the values of one option name', () => {
    expect(seenQuery('category')).toEqual({ kind: 'category' });
    expect(seenQuery('option:shoe size')).toEqual({ kind: 'option', name: 'shoe size' });
  });
});
