import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { isValidTimeZone } from '../schedule/zone';
import { type Errors, type ParseResult, describeValue, fail, fieldPath, isRecord, readBoolean, readEnum, readInteger, readString } from './issues';

/** Store settings (P9); a missing field takes its default. */
export function parseSettings(value: unknown, path = ''): ParseResult<Settings> {
  const errors: Errors = [];
  if (value === undefined || value === null) return { ok: true, value: DEFAULT_SETTINGS };
  if (!isRecord(value)) return { ok: false, errors: [{ field: path || '(root)', reason: 'invalid_type', detail: `settings must be an object, got ${describeValue(value)}.` }] };
  const maxCodesPerOrder = readInteger(value, 'maxCodesPerOrder', path, errors, { min: 0, required: false }) ?? DEFAULT_SETTINGS.maxCodesPerOrder;
  const calculation = readEnum(value, 'calculation', path, errors, ['cumulative', 'independent'] as const, DEFAULT_SETTINGS.calculation);
  const zeroPriceTriggers = readBoolean(value, 'zeroPriceTriggers', path, errors, DEFAULT_SETTINGS.zeroPriceTriggers);
  const overriddenPriceQualifies = readBoolean(value, 'overriddenPriceQualifies', path, errors, DEFAULT_SETTINGS.overriddenPriceQualifies);
  let timeZone = readString(value, 'timeZone', path, errors, { required: false }) ?? DEFAULT_SETTINGS.timeZone;
  if (!isValidTimeZone(timeZone)) {
    fail(errors, fieldPath(path, 'timeZone'), 'invalid_time_zone', `${JSON.stringify(timeZone)} is not an IANA time zone.`);
    timeZone = DEFAULT_SETTINGS.timeZone;
  }
  const pricesIncludeTax = readBoolean(value, 'pricesIncludeTax', path, errors, DEFAULT_SETTINGS.pricesIncludeTax);
  const nonDiscountableCountsTowardConditions = readBoolean(value, 'nonDiscountableCountsTowardConditions', path, errors, DEFAULT_SETTINGS.nonDiscountableCountsTowardConditions);
  if (errors.length > 0 || calculation === undefined) return { ok: false, errors };
  return { ok: true, value: { maxCodesPerOrder, calculation, zeroPriceTriggers, overriddenPriceQualifies, timeZone, pricesIncludeTax, nonDiscountableCountsTowardConditions } };
}
