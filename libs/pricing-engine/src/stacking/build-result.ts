import type { PreparedCart } from '../cart/prepare-cart';
import type { CodeOutcome, GiftLine, LineResult, PricingResult, Refusal, ShippingMethodResult, ShippingResult } from '../model/result';
import { taxShares } from '../tax/tax-shares';
import { zeros } from '../zeros';
import type { Application } from './ledger';
import type { PricingInputs } from './price-cart';

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

/** Every applied promotion's figures, summed per id, per line and per shipping method. */
interface Sums {
  readonly discounts: Record<string, number>;
  readonly allocation: Record<string, Record<string, number>>;
  readonly lineDiscount: number[];
  readonly lineDiscounts: Record<string, number>[];
  readonly methodDiscount: number[];
  readonly gifts: GiftLine[];
  readonly applied: string[];
  totalDiscount: number;
}

/** Sums the applications in order; an id applied twice (only an index with repeated ids has one) adds to its figures. */
function sumApplications(inputs: PricingInputs, applications: readonly Application[]): Sums {
  const { cart } = inputs;
  const lineCount = cart.lines.length;
  const sums: Sums = {
    discounts: {},
    allocation: {},
    lineDiscount: zeros(lineCount),
    lineDiscounts: Array.from({ length: lineCount }, () => ({})),
    methodDiscount: zeros(cart.shippingMethods.length),
    gifts: [],
    applied: [],
    totalDiscount: 0,
  };
  const seen = inputs.idsRepeat ? new Set<string>() : null;
  for (const app of applications) {
    const id = app.compiled.promotion.id;
    sums.applied.push(id);
    const again = seen !== null && seen.has(id);
    if (!again) seen?.add(id);
    if (app.total > 0) sums.discounts[id] = again ? (sums.discounts[id] ?? 0) + app.total : app.total;
    sums.totalDiscount += app.total;
    if (app.shipping > 0) app.shippingMethods.forEach((amount, m) => (sums.methodDiscount[m] = (sums.methodDiscount[m] ?? 0) + amount));
    const byLine = addLineAmounts(cart, app.lines, id, again, sums);
    // Only promotions that discounted a line get an allocation; an absent line or id is 0.
    if (byLine !== null) sums.allocation[id] = byLine;
    for (const gift of app.gifts) sums.gifts.push(gift);
  }
  return sums;
}

/** Adds one application's line amounts to the per-line sums; its allocation by line id, or null when it discounted no line. */
function addLineAmounts(cart: PreparedCart, amounts: readonly number[], id: string, again: boolean, sums: Sums): Record<string, number> | null {
  let byLine: Record<string, number> | null = null;
  for (let i = 0; i < amounts.length; i += 1) {
    const amount = amounts[i] ?? 0;
    const line = cart.lines[i];
    const perPromotion = sums.lineDiscounts[i];
    if (amount === 0 || line === undefined || perPromotion === undefined) continue;
    byLine ??= {};
    byLine[line.lineId] = amount;
    sums.lineDiscount[i] = (sums.lineDiscount[i] ?? 0) + amount;
    perPromotion[id] = again ? (perPromotion[id] ?? 0) + amount : amount;
  }
  return byLine;
}

/** Each line's subtotal, discount and total (with the tax shares when prices include tax), and the tax discount summed. */
function lineResults(inputs: PricingInputs, sums: Sums): { readonly lines: LineResult[]; readonly taxDiscount: number } {
  const { cart } = inputs;
  const withTax = inputs.settings.pricesIncludeTax;
  const lines: LineResult[] = [];
  let taxDiscount = 0;
  for (let i = 0; i < cart.lines.length; i += 1) {
    const line = cart.lines[i];
    if (line === undefined) continue;
    const discount = sums.lineDiscount[i] ?? 0;
    const result: LineResult = { lineId: line.lineId, subtotal: line.total, discount, total: line.total - discount, discounts: sums.lineDiscounts[i] ?? {} };
    if (withTax) {
      const shares = taxShares(discount, line.taxRate);
      taxDiscount += shares.taxDiscount;
      lines.push({ ...result, ...shares });
    } else lines.push(result);
  }
  return { lines, taxDiscount };
}

/** The pricing result (conformance README "Expected"): every applied promotion's figures summed per line, shipping method and id. */
export function buildResult(
  inputs: PricingInputs,
  applications: readonly Application[],
  codes: Readonly<Record<string, CodeOutcome>>,
  notApplied: Readonly<Record<string, Refusal>>,
): PricingResult {
  const { cart } = inputs;
  const sums = sumApplications(inputs, applications);
  const { lines, taxDiscount } = lineResults(inputs, sums);
  const { shipping, shippingMethods } = shippingResults(cart, sums.methodDiscount);
  return {
    ...(shippingMethods === null ? {} : { shippingMethods }),
    ...(inputs.settings.pricesIncludeTax ? { taxDiscount } : {}),
    cartId: cart.cartId,
    currency: cart.currency.code,
    subtotal: cart.subtotal,
    discounts: sums.discounts,
    allocation: sums.allocation,
    lines,
    shipping,
    gifts: sums.gifts,
    total: cart.subtotal + (shipping?.amount ?? 0) - sums.totalDiscount,
    codes,
    applied: sums.applied,
    notApplied,
  };
}
