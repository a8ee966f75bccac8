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

/** The pricing result (conformance README "Expected"): every applied promotion's figures summed per line, shipping method and id. */
export function buildResult(
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
