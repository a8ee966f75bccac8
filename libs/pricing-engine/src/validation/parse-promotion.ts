import type { IncludeExclude, Limits, Promotion, Rule, Stacking, Targeting, Usage } from '../model/promotion';
import { toPromotionId } from '../model/ids';
import { type CurrencyCode, isCurrencyCode } from '../money/currencies';
import { amountFieldsOfCondition } from '../conditions/condition-registry';
import { parseCondition } from './parse-condition';
import { amountFieldsOfReward } from '../rewards/reward-registry';
import { parseReward, readMaxDiscount } from './parse-reward';
import { parseSchedule } from './parse-schedule';
import { version2AmountFields } from './version-2-amounts';
import {
  type Errors,
  type ParseResult,
  type ValidationError,
  describeValue,
  fail,
  fieldPath,
  indexPath,
  isRecord,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readString,
  readStringList,
} from './issues';

const STACKINGS: readonly Stacking[] = ['combinable', 'exclusive', 'rejectIfAutomatic', 'replaceIfBetter'];
const NO_RESTRICTION: IncludeExclude = { include: new Set(), exclude: new Set() };

function readIncludeExclude(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): IncludeExclude | undefined {
  const spec = readObject(obj, key, path, errors);
  if (spec === undefined) return obj[key] === undefined || obj[key] === null ? NO_RESTRICTION : undefined;
  const field = fieldPath(path, key);
  const include = readStringList(spec, 'include', field, errors) ?? [];
  const exclude = readStringList(spec, 'exclude', field, errors) ?? [];
  return { include: new Set(include), exclude: new Set(exclude) };
}

/** README rules 18 and 22: a non-empty list of non-empty strings without repeats, as a set; null when absent. */
function readIdSet(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors): ReadonlySet<string> | null | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return fail(errors, field, 'invalid_type', `${key} must be a list of strings, got ${describeValue(value)}.`);
  if (value.length === 0) return fail(errors, field, 'empty', `${key} must list at least one value; leave it out to place no restriction.`);
  const ids = new Set<string>();
  const errorsBefore = errors.length;
  value.forEach((entry: unknown, i: number) => {
    const entryField = indexPath(field, i);
    if (typeof entry !== 'string') fail(errors, entryField, 'invalid_type', `Each entry of ${key} must be a string, got ${describeValue(entry)}.`);
    else if (entry.length === 0) fail(errors, entryField, 'empty', `An entry of ${key} must not be empty.`);
    else if (ids.has(entry)) fail(errors, entryField, 'duplicate', `${JSON.stringify(entry)} is listed twice in ${key}.`);
    else ids.add(entry);
  });
  return errors.length === errorsBefore ? ids : undefined;
}

function parseTargeting(value: unknown, path: string, errors: Errors): Targeting | undefined {
  if (value === undefined || value === null) {
    return { channels: null, currency: null, customerGroups: NO_RESTRICTION, segments: NO_RESTRICTION, countries: NO_RESTRICTION, firstPurchaseOnly: false, customerIds: null, markets: null };
  }
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `targeting must be an object, got ${describeValue(value)}.`);
  const channelList = readStringList(value, 'channels', path, errors);
  let currency: Targeting['currency'] | undefined = null;
  if (value['currency'] !== undefined && value['currency'] !== null) {
    const text = readString(value, 'currency', path, errors);
    if (text === 'any') currency = 'any';
    else if (text !== undefined && isCurrencyCode(text)) currency = text;
    else currency = fail(errors, fieldPath(path, 'currency'), 'invalid_value', `currency must be an ISO 4217 code or "any", got ${JSON.stringify(value['currency'])}.`);
  }
  const customerGroups = readIncludeExclude(value, 'customerGroups', path, errors);
  const segments = readIncludeExclude(value, 'segments', path, errors);
  const countries = readIncludeExclude(value, 'countries', path, errors);
  const firstPurchaseOnly = readBoolean(value, 'firstPurchaseOnly', path, errors, false);
  const customerIds = readIdSet(value, 'customerIds', path, errors);
  const markets = readIdSet(value, 'markets', path, errors);
  if (currency === undefined || !customerGroups || !segments || !countries || customerIds === undefined || markets === undefined) return undefined;
  const channels = channelList !== undefined && channelList.length > 0 ? new Set(channelList) : null;
  return { channels, currency, customerGroups, segments, countries, firstPurchaseOnly, customerIds, markets };
}

/** README rules 19 and 22: `{budgetRemaining, currency}`; `currency`, when given, must equal a currency code in targeting. */
function parseLimits(value: unknown, path: string, errors: Errors, targeting: Targeting | undefined): Limits | undefined {
  if (value === undefined || value === null) return { budgetRemaining: null, currency: null };
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `limits must be an object, got ${describeValue(value)}.`);
  const errorsBefore = errors.length;
  const budgetRemaining = readInteger(value, 'budgetRemaining', path, errors, { min: 0, required: false }) ?? null;
  const budgetField = fieldPath(path, 'budgetRemaining');
  if (budgetRemaining !== null && targeting?.currency === 'any') {
    fail(errors, budgetField, 'not_allowed', 'A budget is an amount and needs one currency; targeting.currency is "any" (README rule 8).');
  }
  let currency: CurrencyCode | null = null;
  if (value['currency'] !== undefined && value['currency'] !== null) {
    const text = value['currency'];
    const targeted = targeting?.currency;
    if (typeof text !== 'string' || !isCurrencyCode(text) || targeted === null || targeted === 'any' || targeted !== text) {
      fail(errors, fieldPath(path, 'currency'), 'not_allowed', 'limits.currency must equal targeting.currency, which must be a currency code.');
    } else currency = text;
  }
  return errors.length > errorsBefore ? undefined : { budgetRemaining, currency };
}

function parseUsage(value: unknown, path: string, errors: Errors): Usage | undefined {
  if (value === undefined || value === null) return { limit: null, used: 0, perCustomer: null, usedBy: new Map() };
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `usage must be an object, got ${describeValue(value)}.`);
  const limit = readInteger(value, 'limit', path, errors, { min: 0, required: false }) ?? null;
  const used = readInteger(value, 'used', path, errors, { min: 0, required: false }) ?? 0;
  const perCustomer = readInteger(value, 'perCustomer', path, errors, { min: 0, required: false }) ?? null;
  const usedBy = new Map<string, number>();
  const rawUsedBy = readObject(value, 'usedBy', path, errors);
  if (rawUsedBy !== undefined) {
    for (const customerId of Object.keys(rawUsedBy)) {
      const count = readInteger(rawUsedBy, customerId, fieldPath(path, 'usedBy'), errors, { min: 0 });
      if (count !== undefined) usedBy.set(customerId, count);
    }
  }
  return { limit, used, perCustomer, usedBy };
}

/** Rules; with currency "any", every amount-based reward or condition is refused (P4). */
function parseRules(value: unknown, path: string, errors: Errors, currencyAny: boolean): Rule[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    return fail(errors, path, value === undefined ? 'required' : 'invalid_type', 'rules must be a non-empty array of {"conditions", "reward"}.');
  }
  const rules: Rule[] = [];
  value.forEach((raw: unknown, i: number) => {
    const rulePath = indexPath(path, i);
    if (!isRecord(raw)) {
      fail(errors, rulePath, 'invalid_type', `A rule must be an object, got ${describeValue(raw)}.`);
      return;
    }
    const conditions = parseCondition(raw['conditions'], fieldPath(rulePath, 'conditions'), errors);
    const rewardPath = fieldPath(rulePath, 'reward');
    const reward = raw['reward'] === undefined ? fail(errors, rewardPath, 'required', 'reward is required.') : parseReward(raw['reward'], rewardPath, errors);
    const maxDiscount = reward === undefined ? undefined : readMaxDiscount(raw['reward'], reward, rewardPath, errors);
    if (conditions === undefined || reward === undefined || maxDiscount === undefined) return;
    if (currencyAny) {
      for (const field of [
        ...amountFieldsOfCondition(conditions, fieldPath(rulePath, 'conditions')),
        ...amountFieldsOfReward(reward, rewardPath),
      ]) {
        fail(errors, field, 'amount_needs_currency', 'An amount-based reward or condition needs one currency; targeting.currency is "any".');
      }
      for (const field of version2AmountFields(raw, rulePath)) {
        fail(errors, field, 'not_allowed', 'An amount needs one currency; targeting.currency is "any" (README rule 8).');
      }
    }
    rules.push({ conditions, reward, maxDiscount });
  });
  return rules;
}

/**
 * Parses one promotion (conformance README shape) from untrusted input. Every error is
 * reported with its field path as written (`rules[0].reward.percent`); nothing throws.
 */
export function parsePromotion(value: unknown, path = ''): ParseResult<Promotion> {
  const errors: ValidationError[] = [];
  const promotion = parsePromotionInto(value, path, errors);
  return promotion !== undefined && errors.length === 0 ? { ok: true, value: promotion } : { ok: false, errors };
}

/** Every error of one promotion; empty when it is well formed. */
export function validatePromotion(value: unknown): readonly ValidationError[] {
  const result = parsePromotion(value);
  return result.ok ? [] : result.errors;
}

/** Every error of a list of promotions (paths `[2].rules[0]…`), including duplicate ids and codes (C2). */
export function validatePromotions(value: unknown, path = ''): readonly ValidationError[] {
  if (!Array.isArray(value)) return [{ field: path === '' ? '(root)' : path, reason: 'invalid_type', detail: 'promotions must be an array.' }];
  const errors: ValidationError[] = [];
  const ids = new Set<string>();
  const codes = new Set<string>();
  value.forEach((raw: unknown, i: number) => {
    const itemPath = indexPath(path, i);
    const result = parsePromotion(raw, itemPath);
    if (!result.ok) {
      errors.push(...result.errors);
      return;
    }
    const promotion = result.value;
    if (ids.has(promotion.id)) errors.push({ field: fieldPath(itemPath, 'id'), reason: 'duplicate', detail: `Promotion id ${promotion.id} is used twice.` });
    ids.add(promotion.id);
    if (promotion.kind === 'coupon') {
      promotion.codes.forEach((code, c) => {
        const normal = code.trim().toUpperCase();
        if (codes.has(normal)) errors.push({ field: indexPath(fieldPath(itemPath, 'codes'), c), reason: 'duplicate', detail: `Code ${code} is already used by another promotion (C2).` });
        codes.add(normal);
      });
    }
  });
  return errors;
}

function parsePromotionInto(value: unknown, path: string, errors: Errors): Promotion | undefined {
  if (!isRecord(value)) return fail(errors, path === '' ? '(root)' : path, 'invalid_type', `A promotion must be an object, got ${describeValue(value)}.`);
  const id = readString(value, 'id', path, errors);
  const kind = readEnum(value, 'kind', path, errors, ['automatic', 'coupon'] as const);
  const name = readString(value, 'name', path, errors, { required: false }) ?? null;
  const stacking = readEnum(value, 'stacking', path, errors, STACKINGS, 'combinable');
  const targeting = parseTargeting(value['targeting'], fieldPath(path, 'targeting'), errors);
  const schedule = parseSchedule(value['schedule'], fieldPath(path, 'schedule'), errors);
  const usage = parseUsage(value['usage'], fieldPath(path, 'usage'), errors);
  const limits = parseLimits(value['limits'], fieldPath(path, 'limits'), errors, targeting);
  const rulesMode = readEnum(value, 'rulesMode', path, errors, ['all', 'lastQualifying'] as const, 'all');
  const rulesPath = fieldPath(path, 'rules');
  // P4: an amount needs a single currency, so "any" is refused when the promotion is created.
  const rules = parseRules(value['rules'], rulesPath, errors, targeting?.currency === 'any');
  if (id === undefined || kind === undefined || stacking === undefined || targeting === undefined || schedule === undefined || usage === undefined || limits === undefined || rulesMode === undefined || rules === undefined) {
    return undefined;
  }
  const base = { id: toPromotionId(id), name, stacking, targeting, schedule, usage, limits, rulesMode, rules };
  if (kind === 'automatic') {
    const priority = readInteger(value, 'priority', path, errors, { required: false }) ?? 0;
    const stopAfter = readBoolean(value, 'stopAfter', path, errors, false);
    return { ...base, kind, priority, stopAfter };
  }
  const codes = readStringList(value, 'codes', path, errors, { required: true });
  if (codes === undefined) return undefined;
  if (codes.length === 0) return fail(errors, fieldPath(path, 'codes'), 'required', 'A coupon promotion needs at least one code.');
  codes.forEach((code, i) => {
    if (code.trim() === '') fail(errors, indexPath(fieldPath(path, 'codes'), i), 'required', 'A code must not be blank.');
  });
  return { ...base, kind, codes };
}
