import { currencyChoices } from './currency-choices';

describe('currencyChoices', () => {
  it('offers each currency some step recovered revenue in, once and sorted', () => {
    const rows = [
      { recoveredRevenueByCurrency: [{ currency: 'USD' }, { currency: 'EUR' }] },
      { recoveredRevenueByCurrency: [] },
      { recoveredRevenueByCurrency: [{ currency: 'EUR' }, { currency: 'GBP' }] },
    ];
    expect(currencyChoices(rows, 'USD')).toEqual(['EUR', 'GBP', 'USD']);
  });

  it('offers the fallback alone before any revenue is recovered', () => {
    expect(currencyChoices([{ recoveredRevenueByCurrency: [] }], 'JPY')).toEqual(['JPY']);
  });
});
