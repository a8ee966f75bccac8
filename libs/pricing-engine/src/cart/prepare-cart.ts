import type { Cart, CartShipping, CartShippingMethod, CustomFieldValue } from '../model/cart';
import type { ItemSelector, Targeting } from '../model/promotion';
import type { Reason } from '../reasons/reason';
import type { Settings } from '../model/settings';
import { type Currency, currencyOf, isCurrencyCode } from '../money/currencies';

/** A cart line ready for pricing; `qualifies` is README rule 0 (P3, P9). */
export interface PreparedLine {
  /** Position in the canonical line order. */
  readonly index: number;
  readonly lineId: string;
  readonly sku: string;
  readonly productId: string;
  readonly variantId: string | null;
  readonly quantity: number;
  readonly unitPrice: number;
  /** quantity × unitPrice, minor units. */
  readonly total: number;
  /** Every category path of the line and every ancestor of it ("a", "a/b", "a/b/c"). */
  readonly categoryPaths: readonly string[];
  readonly brand: string | null;
  /** The custom fields whose value is text (`in` filters and index keys). */
  readonly customFields: Readonly<Record<string, string>>;
  /** The custom fields whose value is a JSON number (README rule 17). */
  readonly numericFields: Readonly<Record<string, number>>;
  readonly options: Readonly<Record<string, string>>;
  readonly onSale: boolean;
  /** Basis points (README rule 11). */
  readonly taxRate: number;
  /** README rule 0: not a gift certificate, and not left out for a $0 or overridden price. */
  readonly qualifies: boolean;
  /** README rule 10: a qualifying line that counts toward conditions and tiers (discountable, or counted by the setting). */
  readonly isConditionLine: boolean;
  /** README rule 10: a qualifying line that is discountable; only these are ever discounted. */
  readonly isRewardLine: boolean;
}

/** A shipping method ready for pricing. */
export interface PreparedShippingMethod {
  readonly methodId: string;
  readonly zone: string | null;
  readonly method: string | null;
  readonly country: string | null;
  /** Minor units. */
  readonly amount: number;
}

/** The cart with derived figures, computed once per pricing call. */
export interface PreparedCart {
  readonly cartId: string;
  readonly channel: string;
  readonly currency: Currency;
  readonly lines: readonly PreparedLine[];
  /** Σ quantity × unitPrice over every line. */
  readonly subtotal: number;
  /** The same over condition lines only (README rule 10): the base of conditions and tiers. */
  readonly conditionSubtotal: number;
  /** Units of the condition lines. */
  readonly conditionQuantity: number;
  /** Indexes of the reward lines (README rule 10), in canonical order: the base of order-level rewards. */
  readonly rewardIndexes: readonly number[];
  /** Every shipping method in the cart's order; a Version 1 shipping object is one method (README rule 12). */
  readonly shippingMethods: readonly PreparedShippingMethod[];
  /** How the result reports shipping: none (no shipping), the Version 1 object alone, or with `shippingMethods` too. */
  readonly shippingShape: 'none' | 'object' | 'list';
  readonly customerId: string | null;
  /** README rule 18: null when the cart names none. */
  readonly market: string | null;
  /** Guests are the group "guest" (P4). */
  readonly groups: ReadonlySet<string>;
  readonly segments: ReadonlySet<string>;
  /** Each shipping method's destination country (null when it has none), for targeting (README rule 12). */
  readonly countries: readonly (string | null)[];
  readonly orderCount: number;
  readonly codes: readonly string[];
  /** Indexes of the reward lines each item selector selects, filled as pricing asks (see `selectLines`). */
  readonly lineSelections: Map<ItemSelector, readonly number[]>;
  /** The same for condition lines (see `selectConditionLines`); the same map when every condition line is a reward line. */
  readonly conditionLineSelections: Map<ItemSelector, readonly number[]>;
  /** The targeting check of each (shared) targeting, filled as pricing asks: null when the cart passes. */
  readonly targetingVerdicts: Map<Targeting, Reason | null>;
}

/** Natural order of line ids ("l2" before "l10"), so results do not depend on the order lines arrive in. */
export function compareLineIds(a: string, b: string): number {
  return compareChunked(a, chunksOf(a), b, chunksOf(b));
}

const ZERO = 48;
const NINE = 57;

function isDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= ZERO && code <= NINE;
}

/** The id cut into runs of digits and runs of anything else ("l10b" is "l", "10", "b"). */
function chunksOf(lineId: string): readonly string[] {
  const chunks: string[] = [];
  let start = 0;
  for (let i = 1; i <= lineId.length; i += 1) {
    if (i === lineId.length || isDigitAt(lineId, i) !== isDigitAt(lineId, start)) {
      chunks.push(lineId.slice(start, i));
      start = i;
    }
  }
  return chunks;
}

function compareChunked(a: string, partsA: readonly string[], b: string, partsB: readonly string[]): number {
  const length = Math.min(partsA.length, partsB.length);
  for (let i = 0; i < length; i += 1) {
    const byChunk = compareChunks(partsA[i] ?? '', partsB[i] ?? '');
    if (byChunk !== 0) return byChunk;
  }
  return partsA.length - partsB.length || compareText(a, b);
}

function withoutLeadingZeros(digits: string): string {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === ZERO) start += 1;
  return start === 0 ? digits : digits.slice(start);
}

function compareChunks(x: string, y: string): number {
  if (isDigitAt(x, 0) && isDigitAt(y, 0)) {
    const a = withoutLeadingZeros(x);
    const b = withoutLeadingZeros(y);
    return a.length - b.length || compareText(a, b);
  }
  return compareText(x, y);
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every path of the categories and each ancestor ("a", "a/b", "a/b/c"); empty segments are ignored. */
function categoryPaths(categories: readonly string[]): string[] {
  // The paths of one category are distinct (each is longer than the one before); only several need a set.
  if (categories.length === 1) return pathsOf(categories[0] ?? '', []);
  const paths = new Set<string>();
  for (const category of categories) for (const path of pathsOf(category, [])) paths.add(path);
  return [...paths];
}

/** Appends the paths of one category, shortest first, to `paths`. */
function pathsOf(category: string, paths: string[]): string[] {
  let prefix = '';
  let start = 0;
  while (start <= category.length) {
    const slash = category.indexOf('/', start);
    const end = slash === -1 ? category.length : slash;
    if (end > start) {
      const segment = category.slice(start, end);
      prefix = prefix === '' ? segment : `${prefix}/${segment}`;
      paths.push(prefix);
    }
    start = end + 1;
  }
  return paths;
}

function isShippingList(shipping: CartShipping | readonly CartShippingMethod[]): shipping is readonly CartShippingMethod[] {
  return Array.isArray(shipping);
}

/** The cart's shipping as methods: a list as given, a Version 1 object as one method (README rule 12). */
function shippingMethodsOf(shipping: CartShipping | readonly CartShippingMethod[] | null): readonly PreparedShippingMethod[] {
  if (shipping === null) return [];
  if (isShippingList(shipping)) {
    return shipping.map((method) => ({ methodId: method.methodId, zone: method.zone, method: method.method, country: method.country ?? null, amount: method.amount }));
  }
  return [{ methodId: '', zone: shipping.zone ?? null, method: shipping.method ?? null, country: shipping.country, amount: shipping.amount }];
}

const NO_FIELDS: Readonly<Record<string, never>> = Object.freeze({});

/** A line's custom fields split by kind: text for `in` filters and index keys, numbers for comparisons (README rule 17). */
function splitCustomFields(fields: Readonly<Record<string, CustomFieldValue>> | undefined): Pick<PreparedLine, 'customFields' | 'numericFields'> {
  if (fields === undefined) return { customFields: NO_FIELDS, numericFields: NO_FIELDS };
  let customFields: Record<string, string> | null = null;
  let numericFields: Record<string, number> | null = null;
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') (customFields ??= {})[name] = value;
    else if (typeof value === 'number') (numericFields ??= {})[name] = value;
  }
  return { customFields: customFields ?? NO_FIELDS, numericFields: numericFields ?? NO_FIELDS };
}

/** A line's figures and roles (P9: which lines count toward conditions, which take rewards). */
function prepareLine(line: Cart['lines'][number], index: number, settings: Settings): PreparedLine {
  const total = line.quantity * line.unitPrice;
  const qualifies =
    line.giftCertificate !== true && (settings.zeroPriceTriggers || line.unitPrice !== 0) && (settings.overriddenPriceQualifies || line.priceOverridden !== true);
  const isRewardLine = qualifies && line.discountable !== false;
  const isConditionLine = isRewardLine || (qualifies && settings.nonDiscountableCountsTowardConditions);
  return {
    index,
    lineId: line.lineId,
    sku: line.sku,
    productId: line.productId,
    variantId: line.variantId ?? null,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    total,
    categoryPaths: categoryPaths(line.categories ?? []),
    brand: line.brand ?? null,
    ...splitCustomFields(line.customFields),
    options: line.options ?? {},
    onSale: line.onSale === true,
    taxRate: line.taxRate ?? 0,
    qualifies,
    isConditionLine,
    isRewardLine,
  };
}

/** The cart's lines in line-id order (natural: "l2" before "l10"); each id is cut into chunks once, not at every comparison. */
function sortedLines(cart: Cart): Cart['lines'] {
  return cart.lines
    .map((line) => ({ line, chunks: chunksOf(line.lineId) }))
    .sort((a, b) => compareChunked(a.line.lineId, a.chunks, b.line.lineId, b.chunks))
    .map((entry) => entry.line);
}

/** Derives everything pricing needs from a validated cart (P3, P9). */
export function prepareCart(cart: Cart, settings: Settings): PreparedCart {
  const lines = sortedLines(cart).map((line, index) => prepareLine(line, index, settings));
  let subtotal = 0;
  let conditionSubtotal = 0;
  let conditionQuantity = 0;
  let conditionLinesAreRewardLines = true;
  const rewardIndexes: number[] = [];
  for (const line of lines) {
    subtotal += line.total;
    if (line.isConditionLine) {
      conditionSubtotal += line.total;
      conditionQuantity += line.quantity;
    }
    if (line.isRewardLine) rewardIndexes.push(line.index);
    if (line.isConditionLine !== line.isRewardLine) conditionLinesAreRewardLines = false;
  }
  const lineSelections = new Map<ItemSelector, readonly number[]>();
  const shipping = cart.shipping ?? null;
  const shippingMethods = shippingMethodsOf(shipping);
  const customer = cart.customer ?? null;
  const currencyCode = cart.currency;
  if (!isCurrencyCode(currencyCode)) throw new RangeError(`Not a currency code: ${currencyCode}`);
  return {
    cartId: cart.cartId,
    channel: cart.channel,
    currency: currencyOf(currencyCode, cart.currencyExponent ?? 2),
    lines,
    subtotal,
    conditionSubtotal,
    conditionQuantity,
    rewardIndexes,
    shippingMethods,
    shippingShape: shipping === null ? 'none' : isShippingList(shipping) ? 'list' : 'object',
    customerId: customer?.customerId ?? null,
    market: cart.market ?? null,
    groups: new Set(customer === null ? ['guest'] : (customer.groups ?? [])),
    segments: new Set(customer?.segments ?? []),
    countries: shippingMethods.map((method) => method.country),
    orderCount: customer?.orderCount ?? 0,
    codes: cart.codes ?? [],
    lineSelections,
    conditionLineSelections: conditionLinesAreRewardLines ? lineSelections : new Map(),
    targetingVerdicts: new Map(),
  };
}
