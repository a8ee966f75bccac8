import { hasControlCharacter, MAX_CODE_LENGTH, PROMOTION_ID_PATTERN, PROMOTION_ID_RULE, type PromotionLimitsView, type PromotionStatus } from '@promo/contracts/http';
import { type Promotion, type ValidationError, normalizeCode, parsePromotion, scheduleBounds } from '@promo/pricing-engine';

/** Usage limits the redemption ledger enforces (they travel in `pricing.promotion-changed` as `promotion.limits`). */
export type PromotionLimits = PromotionLimitsView;

/** A promotion as the admin wrote it, split into the engine's shape and what lives beside it. */
export interface PromotionDraft {
  readonly id: string;
  /** The engine's shape (conformance README), without `limits`, `enabled` or `version`. */
  readonly definition: Readonly<Record<string, unknown>>;
  readonly limits: PromotionLimits;
  readonly enabled: boolean;
  readonly promotion: Promotion;
  /** Normalised codes of a coupon (C2); empty for an automatic promotion or one whose codes live in code-inventory. */
  readonly codes: readonly string[];
}

/** The columns the admin list filters on, derived from a draft. */
export interface PromotionColumns {
  readonly kind: 'automatic' | 'coupon';
  readonly name: string | null;
  readonly searchText: string;
  readonly priority: number | null;
  readonly channels: readonly string[] | null;
  readonly currency: string | null;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly hasOwnZone: boolean;
}

const NOT_ENGINE_FIELDS = new Set(['limits', 'enabled', 'version', 'status', 'createdAt', 'updatedAt']);

/**
 * A code no shopper can type, standing in for the codes of a coupon whose codes all live in code-inventory
 * (bulk codes): the engine wants at least one code per coupon, and bulk codes reach it through `extraCodes`.
 */
export const BULK_ONLY_PLACEHOLDER = '\u0000bulk-only';

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The engine's view of a stored definition: a coupon without codes gets the placeholder. */
export function engineShape(definition: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const codes = definition['codes'];
  if (definition['kind'] === 'coupon' && (codes === undefined || codes === null || (Array.isArray(codes) && codes.length === 0))) {
    return { ...definition, codes: [BULK_ONLY_PLACEHOLDER] };
  }
  return definition;
}

function readLimit(limits: Readonly<Record<string, unknown>>, key: string, errors: ValidationError[]): number | null {
  const value = limits[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    errors.push({ field: `limits.${key}`, reason: 'out_of_range', detail: `${key} must be a whole number of uses, 0 or more.` });
    return null;
  }
  return value;
}

function parseLimits(value: unknown, errors: ValidationError[]): PromotionLimits {
  const none: PromotionLimits = { totalUses: null, usesPerCode: null, usesPerCustomer: null, consumeUnit: 'cart', budget: null };
  if (value === undefined || value === null) return none;
  if (!isRecord(value)) {
    errors.push({ field: 'limits', reason: 'invalid_type', detail: 'limits must be an object.' });
    return none;
  }
  for (const key of Object.keys(value)) {
    if (!['totalUses', 'usesPerCode', 'usesPerCustomer', 'consumeUnit', 'budget'].includes(key)) {
      errors.push({ field: `limits.${key}`, reason: 'unknown_field', detail: `limits has no field ${key}.` });
    }
  }
  const unit = value['consumeUnit'];
  let consumeUnit: 'cart' | 'item' = 'cart';
  if (unit === 'item' || unit === 'cart') consumeUnit = unit;
  else if (unit !== undefined && unit !== null) errors.push({ field: 'limits.consumeUnit', reason: 'invalid_value', detail: 'consumeUnit must be "cart" or "item".' });
  return {
    totalUses: readLimit(value, 'totalUses', errors),
    usesPerCode: readLimit(value, 'usesPerCode', errors),
    usesPerCustomer: readLimit(value, 'usesPerCustomer', errors),
    consumeUnit,
    budget: readBudget(value['budget']),
  };
}

/** The budget as given when it is a whole amount; anything else is reported by the engine's check (budgetErrorsOf). */
function readBudget(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/**
 * Rule 19: the engine's shape with the admin's `limits.budget` as `limits.budgetRemaining`, so the engine's own check
 * (rule 22: an integer ≥ 0, never with `targeting.currency: "any"`) validates it; its errors name `limits.budget`.
 */
function withBudgetToValidate(definition: Readonly<Record<string, unknown>>, limits: unknown): Readonly<Record<string, unknown>> {
  const budget = isRecord(limits) ? limits['budget'] : undefined;
  return budget === undefined || budget === null ? definition : { ...definition, limits: { budgetRemaining: budget } };
}

function asAdminField(error: ValidationError): ValidationError {
  return error.field === 'limits.budgetRemaining' ? { ...error, field: 'limits.budget' } : error;
}

/** The ledger counts a budget in one currency (rule 8 reads an amount without one in the cart's currency): a budget needs `targeting.currency`. */
function budgetCurrencyErrors(promotion: Promotion, limits: PromotionLimits): ValidationError[] {
  if (limits.budget === null || limits.budget === undefined || typeof promotion.targeting.currency === 'string') return [];
  return [{ field: 'limits.budget', reason: 'not_allowed', detail: 'A budget is an amount in one currency: set targeting.currency to a currency code.' }];
}

/** Limits as stored: promotions stored before #23 have no `budget`, which reads as none. */
export function storedLimits(limits: PromotionLimits): PromotionLimits {
  return { ...limits, budget: limits.budget ?? null };
}

/**
 * Validates an admin's promotion with the engine's validator plus the limits beside it; every error comes
 * back with its field path as written. `pathId` (from the URL) must match a body id when both are given.
 */
export function parsePromotionDraft(body: unknown, pathId?: string): { ok: true; draft: PromotionDraft } | { ok: false; errors: readonly ValidationError[] } {
  if (!isRecord(body)) return { ok: false, errors: [{ field: '(root)', reason: 'invalid_type', detail: 'A promotion must be a JSON object.' }] };
  const errors: ValidationError[] = [];
  const definition: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!NOT_ENGINE_FIELDS.has(key)) definition[key] = value;
  if (pathId !== undefined) {
    if (definition['id'] === undefined) definition['id'] = pathId;
    else if (definition['id'] !== pathId) errors.push({ field: 'id', reason: 'mismatch', detail: `id must be ${pathId}, the promotion in the URL.` });
  }
  const id = definition['id'];
  // The id becomes part of Redis keys in the ledger (`usage:{<id>}:...`), where `}` or `:` could alias another promotion's (#19).
  if (typeof id === 'string' && id.length > 100) errors.push({ field: 'id', reason: 'too_long', detail: `id must be ${PROMOTION_ID_RULE}.` });
  else if (typeof id === 'string' && !PROMOTION_ID_PATTERN.test(id)) errors.push({ field: 'id', reason: 'invalid_characters', detail: `id must be ${PROMOTION_ID_RULE}.` });
  const listedCodes = definition['codes'];
  if (Array.isArray(listedCodes)) {
    // A shopper can enter no code longer than 64 characters or holding a control character (#19): neither can a promotion hold one.
    listedCodes.forEach((code: unknown, i) => {
      if (typeof code !== 'string') return;
      if (code.trim().length > MAX_CODE_LENGTH) errors.push({ field: `codes[${i}]`, reason: 'too_long', detail: `A code must be at most ${MAX_CODE_LENGTH} characters.` });
      else if (hasControlCharacter(code)) errors.push({ field: `codes[${i}]`, reason: 'invalid_character', detail: 'A code must not contain control characters.' });
    });
  }
  const limits = parseLimits(body['limits'], errors);
  const enabled = body['enabled'] ?? true;
  if (typeof enabled !== 'boolean') errors.push({ field: 'enabled', reason: 'invalid_type', detail: 'enabled must be true or false.' });
  const parsed = parsePromotion(engineShape(withBudgetToValidate(definition, body['limits'])));
  if (!parsed.ok) errors.push(...parsed.errors.map(asAdminField));
  else errors.push(...budgetCurrencyErrors(parsed.value, limits));
  if (!parsed.ok || errors.length > 0 || typeof enabled !== 'boolean') return { ok: false, errors };
  const promotion = parsed.value;
  const codes = promotion.kind === 'coupon' ? [...new Set(promotion.codes.filter((code) => code !== BULK_ONLY_PLACEHOLDER).map((code) => normalizeCode(code)))] : [];
  return { ok: true, draft: { id: promotion.id, definition, limits, enabled, promotion, codes } };
}

/** The filter columns of a draft; schedule instants resolve in the schedule's zone or the store's (P5). */
export function columnsOf(draft: PromotionDraft, storeTimeZone: string): PromotionColumns {
  const { promotion } = draft;
  const bounds = promotion.schedule === null ? { startMs: null, endMs: null } : scheduleBounds(promotion.schedule, storeTimeZone);
  return {
    kind: promotion.kind,
    name: promotion.name,
    searchText: [promotion.id, promotion.name ?? '', ...draft.codes].join(' ').toLowerCase(),
    priority: promotion.kind === 'automatic' ? promotion.priority : null,
    channels: promotion.targeting.channels === null ? null : [...promotion.targeting.channels],
    currency: promotion.targeting.currency,
    startsAt: bounds.startMs === null ? null : new Date(bounds.startMs),
    endsAt: bounds.endMs === null ? null : new Date(bounds.endMs),
    hasOwnZone: promotion.schedule?.timeZone != null,
  };
}

/** The admin status of a promotion at `now` (its start/end window; a recurring window inside it still counts as active). */
export function statusAt(row: { readonly enabled: boolean; readonly startsAt: Date | null; readonly endsAt: Date | null }, now: Date): PromotionStatus {
  if (!row.enabled) return 'disabled';
  if (row.endsAt !== null && row.endsAt.getTime() <= now.getTime()) return 'expired';
  if (row.startsAt !== null && row.startsAt.getTime() > now.getTime()) return 'scheduled';
  return 'active';
}
