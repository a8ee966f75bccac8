import type { PreparedCart } from '../cart/prepare-cart';
import type { CodeOutcome, GiftLine, LineResult, PricingResult, Refusal, ShippingMethodResult, ShippingResult } from '../model/result';
import type { Settings } from '../model/settings';
import { normalizeCode } from '../model/ids';
import { appliedMessage, refusalMessage } from '../reasons/messages';
import type { Missing, Reason } from '../reasons/reason';
import { type LocalTime, type Zone, localTime } from '../schedule/zone';
import { taxShares } from '../tax/tax-shares';
import { zeros } from '../zeros';
import type { CompiledPromotion } from './compiled-promotion';
import { checkEligibility } from './eligibility';
import { type Application, type Ledger, applyPromotion, newLedger } from './ledger';

/** What the pricing of one cart needs from the compiled promotions. */
export interface PricingInputs {
  readonly cart: PreparedCart;
  readonly settings: Settings;
  readonly atMs: number;
  /** Automatic promotions that could match the cart, by ascending priority then listed order (P7). */
  readonly automatics: readonly CompiledPromotion[];
  /** The coupon promotion of a normalised code (C2). */
  readonly couponByCode: (code: string) => CompiledPromotion | undefined;
  /** Whether two promotions of the index share an id: only then can one id apply twice and its figures add up. */
  readonly idsRepeat: boolean;
}

/**
 * A refusal: `conflictsWith` carries the blocking promotion's id for machines, while the sentence names it by
 * its name, or not at all: ids are internal and never reach a shopper (#19).
 */
function refusal(reason: Reason, subject: string | null, inputs: PricingInputs, missing?: Missing, conflict?: CompiledPromotion): Refusal {
  const conflictName = conflict?.promotion.name ?? null;
  const message = refusalMessage(reason, subject, inputs.cart.currency, { ...(missing === undefined ? {} : { missing }), ...(conflictName === null ? {} : { conflictsWith: conflictName }) });
  return { reason, message, ...(missing === undefined ? {} : { missing }), ...(conflict === undefined ? {} : { conflictsWith: conflict.promotion.id }) };
}

/** How a sentence names an automatic promotion: its name, or null for "this promotion". */
function subjectOf(compiled: CompiledPromotion): string | null {
  return compiled.promotion.name ?? null;
}

/** Replays applications from scratch on a fresh ledger (used when automatic promotions are replaced). */
function replay(applications: readonly Application[], inputs: PricingInputs): { ledger: Ledger; applications: Application[] } {
  const ledger = newLedger(inputs.cart);
  const replayed = applications.map((app) => applyPromotion(app.compiled, app.rules, app.code, inputs.cart, ledger, inputs.settings));
  return { ledger, applications: replayed };
}

/**
 * Prices one cart (P7): automatic promotions by priority, then codes one by one in the order
 * entered, with every stacking rule of README rules 1 and 5.
 */
export function priceCart(inputs: PricingInputs): PricingResult {
  const { cart, settings, atMs } = inputs;
  const localTimes = new Map<string, LocalTime>();
  const localAt = (zone: Zone): LocalTime => {
    let local = localTimes.get(zone.name);
    if (local === undefined) {
      local = localTime(zone, atMs);
      localTimes.set(zone.name, local);
    }
    return local;
  };

  let ledger = newLedger(cart);
  let automatics: Application[] = [];
  const notApplied: Record<string, Refusal> = {};
  let stoppedBy: CompiledPromotion | null = null;
  let exclusiveAutomatic: CompiledPromotion | null = null;

  for (const compiled of inputs.automatics) {
    const { promotion } = compiled;
    const eligibility = checkEligibility(compiled, cart, atMs, localAt);
    if (!eligibility.ok) {
      notApplied[promotion.id] = refusal(eligibility.reason, subjectOf(compiled), inputs, eligibility.missing);
      continue;
    }
    // P7: stop-after, and an exclusive promotion neither joins nor lets others join.
    const blocker = stoppedBy ?? exclusiveAutomatic ?? (promotion.stacking === 'exclusive' ? automatics[0]?.compiled : undefined);
    if (blocker !== undefined) {
      notApplied[promotion.id] = refusal('not_combinable', subjectOf(compiled), inputs, undefined, blocker);
      continue;
    }
    automatics.push(applyPromotion(compiled, eligibility.rules, null, cart, ledger, settings));
    if (promotion.stacking === 'exclusive') exclusiveAutomatic = compiled;
    if (promotion.kind === 'automatic' && promotion.stopAfter) stoppedBy = compiled;
  }

  let codes: Application[] = [];
  const outcomes: Record<string, CodeOutcome> = {};
  for (const entered of cart.codes) {
    if (Object.prototype.hasOwnProperty.call(outcomes, entered)) continue;
    const subject = entered.trim();
    const compiled = inputs.couponByCode(normalizeCode(entered));
    const reject = (reason: Reason, missing?: Missing, conflict?: CompiledPromotion): void => {
      outcomes[entered] = { status: 'rejected', ...(compiled ? { promotionId: compiled.promotion.id } : {}), ...refusal(reason, subject, inputs, missing, conflict) };
    };
    if (compiled === undefined) {
      reject('unknown');
      continue;
    }
    const { promotion } = compiled;
    const eligibility = checkEligibility(compiled, cart, atMs, localAt);
    if (!eligibility.ok) {
      reject(eligibility.reason, eligibility.missing);
      continue;
    }
    const firstApplied = automatics[0]?.compiled ?? codes[0]?.compiled;
    const firstCode = codes[0]?.compiled;
    const sameAgain = codes.find((app) => app.compiled.promotion.id === promotion.id);
    const exclusiveCode = codes.find((app) => app.compiled.promotion.stacking === 'exclusive');
    let conflict: CompiledPromotion | undefined;
    if (sameAgain !== undefined) conflict = compiled;
    else if (exclusiveAutomatic !== null) conflict = exclusiveAutomatic;
    else if (exclusiveCode !== undefined) conflict = exclusiveCode.compiled;
    else if (promotion.stacking === 'exclusive' && firstApplied !== undefined) conflict = firstApplied;
    else if (promotion.stacking === 'rejectIfAutomatic' && automatics.length > 0) conflict = automatics[0]?.compiled;
    else if (firstCode !== undefined && (compiled.givesBuyXGetY || codes.some((app) => app.compiled.givesBuyXGetY))) conflict = firstCode;
    else if (codes.length >= settings.maxCodesPerOrder) conflict = firstCode ?? compiled;
    if (conflict !== undefined) {
      reject('not_combinable', undefined, conflict);
      continue;
    }
    if (promotion.stacking === 'replaceIfBetter' && automatics.length > 0) {
      // P7 / README rule 5: D is computed on the cart without the automatic promotions.
      const before = automatics.reduce((sum, app) => sum + app.total, 0);
      const without = replay(codes, inputs);
      const candidate = applyPromotion(compiled, eligibility.rules, entered, cart, without.ledger, settings);
      if (candidate.total > before) {
        for (const app of automatics) notApplied[app.compiled.promotion.id] = refusal('not_combinable', subjectOf(app.compiled), inputs, undefined, compiled);
        automatics = [];
        exclusiveAutomatic = null;
        codes = [...without.applications, candidate];
        ledger = without.ledger;
        outcomes[entered] = { status: 'applied', promotionId: promotion.id, discount: candidate.total, message: appliedMessage(subject, candidate.total, cart.currency) };
      } else {
        reject('not_combinable', undefined, automatics[0]?.compiled);
      }
      continue;
    }
    const application = applyPromotion(compiled, eligibility.rules, entered, cart, ledger, settings);
    codes = [...codes, application];
    outcomes[entered] = { status: 'applied', promotionId: promotion.id, discount: application.total, message: appliedMessage(subject, application.total, cart.currency) };
  }
  // Discounts of codes applied before a replacement were recomputed: refresh their figures.
  for (const app of codes) {
    const outcome = app.code === null ? undefined : outcomes[app.code];
    if (outcome !== undefined && outcome.status === 'applied' && app.code !== null && outcome.discount !== app.total) {
      outcomes[app.code] = { ...outcome, discount: app.total, message: appliedMessage(app.code.trim(), app.total, cart.currency) };
    }
  }
  return buildResult(inputs, [...automatics, ...codes], outcomes, notApplied);
}

/** README rule 12: `shipping` summed over the methods; `shippingMethods` only when the cart's shipping is a list. */
function shippingResults(
  cart: PreparedCart,
  methodDiscount: readonly number[],
): { readonly shipping: ShippingResult | null; readonly shippingMethods: readonly ShippingMethodResult[] | null } {
  if (cart.shippingShape === 'none') return { shipping: null, shippingMethods: null };
  const methods = cart.shippingMethods.map((method, m): ShippingMethodResult => {
    const discount = methodDiscount[m] ?? 0;
    return { methodId: method.methodId, amount: method.amount, discount, total: method.amount - discount };
  });
  let amount = 0;
  let discount = 0;
  for (const method of methods) {
    amount += method.amount;
    discount += method.discount;
  }
  return { shipping: { amount, discount, total: amount - discount }, shippingMethods: cart.shippingShape === 'list' ? methods : null };
}

function buildResult(
  inputs: PricingInputs,
  applications: readonly Application[],
  codes: Readonly<Record<string, CodeOutcome>>,
  notApplied: Readonly<Record<string, Refusal>>,
): PricingResult {
  const { cart } = inputs;
  const lineCount = cart.lines.length;
  const discounts: Record<string, number> = {};
  const allocation: Record<string, Record<string, number>> = {};
  const lineDiscount = zeros(lineCount);
  const lineDiscounts: Record<string, number>[] = [];
  for (let i = 0; i < lineCount; i += 1) lineDiscounts.push({});
  const gifts: GiftLine[] = [];
  const applied: string[] = [];
  // Only an id that applies twice needs its earlier figures read back, and only an index with repeated ids has one.
  const seen = inputs.idsRepeat ? new Set<string>() : null;
  const methodDiscount = zeros(cart.shippingMethods.length);
  let totalDiscount = 0;
  for (const app of applications) {
    const id = app.compiled.promotion.id;
    applied.push(id);
    const again = seen !== null && seen.has(id);
    if (!again) seen?.add(id);
    if (app.total > 0) discounts[id] = again ? (discounts[id] ?? 0) + app.total : app.total;
    totalDiscount += app.total;
    if (app.shipping > 0) app.shippingMethods.forEach((amount, m) => { methodDiscount[m] = (methodDiscount[m] ?? 0) + amount; });
    let byLine: Record<string, number> | null = null;
    const amounts = app.lines;
    for (let i = 0; i < amounts.length; i += 1) {
      const amount = amounts[i] ?? 0;
      const line = cart.lines[i];
      const perPromotion = lineDiscounts[i];
      if (amount === 0 || line === undefined || perPromotion === undefined) continue;
      byLine ??= {};
      byLine[line.lineId] = amount;
      lineDiscount[i] = (lineDiscount[i] ?? 0) + amount;
      perPromotion[id] = again ? (perPromotion[id] ?? 0) + amount : amount;
    }
    // Only promotions that discounted a line get an allocation; an absent line or id is 0.
    if (byLine !== null) allocation[id] = byLine;
    for (const gift of app.gifts) gifts.push(gift);
  }
  const withTax = inputs.settings.pricesIncludeTax;
  const lines: LineResult[] = [];
  let taxDiscount = 0;
  for (let i = 0; i < lineCount; i += 1) {
    const line = cart.lines[i];
    if (line === undefined) continue;
    const discount = lineDiscount[i] ?? 0;
    const result: LineResult = { lineId: line.lineId, subtotal: line.total, discount, total: line.total - discount, discounts: lineDiscounts[i] ?? {} };
    if (withTax) {
      const shares = taxShares(discount, line.taxRate);
      taxDiscount += shares.taxDiscount;
      lines.push({ ...result, ...shares });
    } else lines.push(result);
  }
  const { shipping, shippingMethods } = shippingResults(cart, methodDiscount);
  return {
    ...(shippingMethods === null ? {} : { shippingMethods }),
    ...(withTax ? { taxDiscount } : {}),
    cartId: cart.cartId,
    currency: cart.currency.code,
    subtotal: cart.subtotal,
    discounts,
    allocation,
    lines,
    shipping,
    gifts,
    total: cart.subtotal + (shipping?.amount ?? 0) - totalDiscount,
    codes,
    applied,
    notApplied,
  };
}
