import type { Cart, CartShipping } from '../model/cart';
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
  readonly customFields: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly onSale: boolean;
  readonly qualifies: boolean;
}

/** The cart with derived figures, computed once per pricing call. */
export interface PreparedCart {
  readonly cartId: string;
  readonly channel: string;
  readonly currency: Currency;
  readonly lines: readonly PreparedLine[];
  /** Σ quantity × unitPrice over every line. */
  readonly subtotal: number;
  /** The same over qualifying lines only: the base of conditions and tiers. */
  readonly qualifyingSubtotal: number;
  readonly qualifyingQuantity: number;
  /** Indexes of the qualifying lines, in canonical order. */
  readonly qualifyingIndexes: readonly number[];
  readonly shipping: CartShipping | null;
  readonly customerId: string | null;
  /** Guests are the group "guest" (P4). */
  readonly groups: ReadonlySet<string>;
  readonly segments: ReadonlySet<string>;
  /** The shipping destination country, as a set for targeting (empty without shipping). */
  readonly countries: ReadonlySet<string>;
  readonly orderCount: number;
  readonly codes: readonly string[];
  /** Indexes of the lines each item selector selects, filled as pricing asks (see `selectLines`). */
  readonly lineSelections: Map<ItemSelector, readonly number[]>;
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

/** Derives everything pricing needs from a validated cart (P3, P9). */
export function prepareCart(cart: Cart, settings: Settings): PreparedCart {
  // Each line id is cut into chunks once, not at every comparison.
  const sorted = cart.lines
    .map((line) => ({ line, chunks: chunksOf(line.lineId) }))
    .sort((a, b) => compareChunked(a.line.lineId, a.chunks, b.line.lineId, b.chunks))
    .map((entry) => entry.line);
  let subtotal = 0;
  let qualifyingSubtotal = 0;
  let qualifyingQuantity = 0;
  const qualifyingIndexes: number[] = [];
  const lines = sorted.map((line, index): PreparedLine => {
    const total = line.quantity * line.unitPrice;
    const qualifies =
      line.giftCertificate !== true &&
      (settings.zeroPriceTriggers || line.unitPrice !== 0) &&
      (settings.overriddenPriceQualifies || line.priceOverridden !== true);
    subtotal += total;
    if (qualifies) {
      qualifyingSubtotal += total;
      qualifyingQuantity += line.quantity;
      qualifyingIndexes.push(index);
    }
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
      customFields: line.customFields ?? {},
      options: line.options ?? {},
      onSale: line.onSale === true,
      qualifies,
    };
  });
  const customer = cart.customer ?? null;
  const currencyCode = cart.currency;
  if (!isCurrencyCode(currencyCode)) throw new RangeError(`Not a currency code: ${currencyCode}`);
  return {
    cartId: cart.cartId,
    channel: cart.channel,
    currency: currencyOf(currencyCode, cart.currencyExponent ?? 2),
    lines,
    subtotal,
    qualifyingSubtotal,
    qualifyingQuantity,
    qualifyingIndexes,
    shipping: cart.shipping ?? null,
    customerId: customer?.customerId ?? null,
    groups: new Set(customer === null ? ['guest'] : (customer.groups ?? [])),
    segments: new Set(customer?.segments ?? []),
    countries: new Set(cart.shipping ? [cart.shipping.country] : []),
    orderCount: customer?.orderCount ?? 0,
    codes: cart.codes ?? [],
    lineSelections: new Map(),
    targetingVerdicts: new Map(),
  };
}
