/** The live preview's sample cart as the cart builder edits it: text as typed, amounts in major units of the cart's currency. */
import type { FieldError } from '../api/api-error';
import { exponentOf, parseMoney, toDecimalText } from '../format/money';
import { wallTimeInZone } from '../format/time';

export interface CartLineDraft {
  readonly sku: string;
  readonly productId: string;
  /** Comma-separated category paths. */
  readonly categories: string;
  readonly brand: string;
  readonly quantity: string;
  /** Major units (`25.00`). */
  readonly unitPrice: string;
}

export interface CartDraft {
  readonly channel: string;
  readonly customerId: string;
  /** Comma-separated customer groups. */
  readonly groups: string;
  /** Orders the customer placed before this cart. */
  readonly orderCount: string;
  readonly country: string;
  readonly shippingMethod: string;
  /** Major units; empty: no shipping. */
  readonly shippingAmount: string;
  /** Comma-separated codes, in the order entered. */
  readonly codes: string;
  readonly lines: readonly CartLineDraft[];
  /** `datetime-local` in the store's zone to price at; empty: now. */
  readonly at: string;
}

/** A seen product (pricing's GET /v1/catalog/seen-products); `unitPrice` in minor units of `currency`. */
export interface SeenProduct {
  readonly sku: string;
  readonly productId: string;
  readonly categories: readonly string[];
  readonly brand: string | null;
  readonly currency: string;
  readonly unitPrice: number;
}

export function emptyLine(): CartLineDraft {
  return { sku: '', productId: '', categories: '', brand: '', quantity: '1', unitPrice: '' };
}

/** The line a seen product adds, at the price it last had. */
export function lineOfProduct(product: SeenProduct): CartLineDraft {
  return {
    sku: product.sku,
    productId: product.productId,
    categories: product.categories.join(', '),
    brand: product.brand ?? '',
    quantity: '1',
    unitPrice: toDecimalText(product.unitPrice, exponentOf(product.currency)),
  };
}

/** A cart to try a draft on: two lines, a known customer, shipping to the US. */
export function sampleCartDraft(): CartDraft {
  return {
    channel: 'web',
    customerId: 'preview-customer',
    groups: '',
    orderCount: '1',
    country: 'US',
    shippingMethod: '',
    shippingAmount: '8.00',
    codes: '',
    lines: [
      { sku: 'SHIRT', productId: 'shirt', categories: 'apparel', brand: '', quantity: '2', unitPrice: '25.00' },
      { sku: 'SHOES', productId: 'shoes', categories: 'footwear', brand: '', quantity: '1', unitPrice: '60.00' },
    ],
    at: '',
  };
}

function listOf(text: string): string[] {
  return text.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** The dry-run's `cart` and `at` (an instant), and the errors of what does not convert, under `cart.…` paths. */
export function cartDraftToWire(draft: CartDraft, currency: string, timeZone: string): { readonly cart: Record<string, unknown>; readonly at: string | undefined; readonly errors: readonly FieldError[] } {
  const errors: FieldError[] = [];
  const money = (text: string, field: string): number => {
    const value = parseMoney(text, currency);
    if (value === null) errors.push({ field, reason: 'invalid_amount', detail: `Enter an amount in ${currency}, like 12.50.` });
    return value ?? 0;
  };
  const whole = (text: string, field: string): number => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isSafeInteger(value) || value < 0) errors.push({ field, reason: 'invalid_integer', detail: 'Enter a whole number.' });
    return Number.isSafeInteger(value) ? value : 0;
  };
  const lines = draft.lines.map((line, i) => {
    const at = (field: string) => `cart.lines[${i}].${field}`;
    if (line.sku.trim() === '') errors.push({ field: at('sku'), reason: 'required', detail: 'Enter a SKU.' });
    return {
      lineId: `l${i + 1}`,
      sku: line.sku.trim(),
      productId: line.productId.trim() === '' ? line.sku.trim() : line.productId.trim(),
      quantity: whole(line.quantity, at('quantity')),
      unitPrice: money(line.unitPrice, at('unitPrice')),
      categories: listOf(line.categories),
      ...(line.brand.trim() === '' ? {} : { brand: line.brand.trim() }),
    };
  });
  const customer = draft.customerId.trim() === '' ? null : { customerId: draft.customerId.trim(), groups: listOf(draft.groups), orderCount: whole(draft.orderCount, 'cart.customer.orderCount') };
  const shipping = draft.country.trim() === '' && draft.shippingAmount.trim() === ''
    ? null
    : { country: draft.country.trim().toUpperCase(), amount: money(draft.shippingAmount === '' ? '0' : draft.shippingAmount, 'cart.shipping.amount'), ...(draft.shippingMethod.trim() === '' ? {} : { method: draft.shippingMethod.trim() }) };
  let at: string | undefined;
  if (draft.at.trim() !== '') {
    at = wallTimeInZone(draft.at, timeZone) ?? undefined;
    if (at === undefined) errors.push({ field: 'at', reason: 'invalid_value', detail: 'Enter a date and time.' });
  }
  const cart = { cartId: 'console-preview', channel: draft.channel.trim() === '' ? 'web' : draft.channel.trim(), currency, customer, lines, codes: listOf(draft.codes), shipping };
  return { cart, at, errors };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function joined(value: unknown): string {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '';
}

/** A cart typed as JSON back into the builder, as far as the builder shows it (the JSON stays what is priced). */
export function cartWireToDraft(cart: unknown, at: string): CartDraft {
  const record = isRecord(cart) ? cart : {};
  const exponent = exponentOf(text(record['currency']) || 'USD');
  const money = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? toDecimalText(value, exponent) : '');
  const customer = isRecord(record['customer']) ? record['customer'] : {};
  const shipping = isRecord(record['shipping']) ? record['shipping'] : {};
  const lines = Array.isArray(record['lines']) ? record['lines'].filter(isRecord) : [];
  return {
    channel: text(record['channel']),
    customerId: text(customer['customerId']),
    groups: joined(customer['groups']),
    orderCount: text(customer['orderCount'] ?? 0),
    country: text(shipping['country']),
    shippingMethod: text(shipping['method']),
    shippingAmount: money(shipping['amount']),
    codes: joined(record['codes']),
    lines: lines.map((line) => ({
      sku: text(line['sku']),
      productId: text(line['productId']),
      categories: joined(line['categories']),
      brand: text(line['brand']),
      quantity: text(line['quantity']),
      unitPrice: money(line['unitPrice']),
    })),
    at,
  };
}
