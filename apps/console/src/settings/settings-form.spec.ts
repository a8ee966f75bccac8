import { formToWire, sameForm, settingsToForm, timeZoneChoices } from './settings-form';

const view = {
  calculation: 'independent' as const,
  maxCodesPerOrder: 2,
  zeroPriceTriggers: false,
  overriddenPriceQualifies: true,
  pricesIncludeTax: true,
  nonDiscountableCountsTowardConditions: false,
  timeZone: 'Europe/Berlin',
  locale: 'de-DE',
  version: 7,
};

describe('settings form', () => {
  it('shows what the API sent and sends it back unchanged, without the version', () => {
    const form = settingsToForm(view);
    expect(form.maxCodesPerOrder).toBe('2');
    expect(formToWire(form)).toEqual({
      body: { calculation: 'independent', maxCodesPerOrder: 2, zeroPriceTriggers: false, overriddenPriceQualifies: true, pricesIncludeTax: true, nonDiscountableCountsTowardConditions: false, timeZone: 'Europe/Berlin', locale: 'de-DE' },
      errors: [],
    });
  });

  it('names maxCodesPerOrder when it is not a whole number, and an empty locale', () => {
    const form = { ...settingsToForm(view), maxCodesPerOrder: '1.5', locale: ' ' };
    expect(formToWire(form).errors.map((e) => e.field)).toEqual(['maxCodesPerOrder', 'locale']);
    expect(formToWire({ ...form, maxCodesPerOrder: '-1' }).errors.map((e) => e.field)).toContain('maxCodesPerOrder');
  });

  it('tells an edited form from the one loaded', () => {
    const loaded = settingsToForm(view);
    expect(sameForm(loaded, settingsToForm(view))).toBe(true);
    expect(sameForm(loaded, { ...loaded, timeZone: 'UTC' })).toBe(false);
  });

  it('offers UTC first and keeps a current zone the browser does not list', () => {
    expect(timeZoneChoices('Etc/GMT+3', ['Europe/Berlin', 'America/New_York'])).toEqual(['UTC', 'America/New_York', 'Etc/GMT+3', 'Europe/Berlin']);
  });
});
