import type { BodyOf, PricingPaths } from '@promo/client';
import type { FieldError } from '../api/api-error';
import type { StoreSettings } from './store-context';

/** The settings form's state: what the merchant types, as typed. */
export interface SettingsForm {
  readonly calculation: 'cumulative' | 'independent';
  readonly maxCodesPerOrder: string;
  readonly zeroPriceTriggers: boolean;
  readonly overriddenPriceQualifies: boolean;
  readonly pricesIncludeTax: boolean;
  readonly nonDiscountableCountsTowardConditions: boolean;
  readonly timeZone: string;
  readonly locale: string;
}

export function settingsToForm(view: StoreSettings): SettingsForm {
  return {
    calculation: view.calculation,
    maxCodesPerOrder: String(view.maxCodesPerOrder),
    zeroPriceTriggers: view.zeroPriceTriggers,
    overriddenPriceQualifies: view.overriddenPriceQualifies,
    pricesIncludeTax: view.pricesIncludeTax,
    nonDiscountableCountsTowardConditions: view.nonDiscountableCountsTowardConditions,
    timeZone: view.timeZone,
    locale: view.locale,
  };
}

/** The PUT body, or the fields the console can already tell are wrong (named as the API names them). */
export function formToWire(form: SettingsForm): { readonly body: BodyOf<PricingPaths, 'put', '/v1/settings'>; readonly errors: readonly FieldError[] } {
  const errors: FieldError[] = [];
  const text = form.maxCodesPerOrder.trim();
  const maxCodesPerOrder = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(maxCodesPerOrder)) errors.push({ field: 'maxCodesPerOrder', reason: 'invalid_type', detail: 'Enter a whole number of codes, 0 or more.' });
  if (form.locale.trim() === '') errors.push({ field: 'locale', reason: 'required', detail: 'Enter a language tag such as en-US.' });
  const { maxCodesPerOrder: _typed, locale, ...rest } = form;
  return { body: { ...rest, maxCodesPerOrder, locale: locale.trim() }, errors };
}

export function sameForm(a: SettingsForm, b: SettingsForm): boolean {
  return (Object.keys(a) as (keyof SettingsForm)[]).every((key) => a[key] === b[key]);
}

/** The zones the browser knows, with the current one kept even if the browser lists it under another name. */
export function timeZoneChoices(current: string, known: readonly string[]): readonly string[] {
  return [...new Set(['UTC', current, ...known])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
