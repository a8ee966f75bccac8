import type { Cart, CartCustomer, CartLine, CartShipping, CartShippingMethod, CustomFieldValue } from '../model/cart';
import { CURRENCIES, isCurrencyCode } from '../money/currencies';
import {
  type Errors,
  type ParseResult,
  describeValue,
  fail,
  fieldPath,
  indexPath,
  isRecord,
  readAmount,
  readBoolean,
  readInteger,
  readString,
  readStringList,
  readStringRecord,
} from './issues';

/** A line's custom fields: text, JSON numbers (README rule 17), booleans or null. */
function readCustomFields(obj: Readonly<Record<string, unknown>>, path: string, errors: Errors): Record<string, CustomFieldValue> | undefined {
  const value = obj['customFields'];
  const field = fieldPath(path, 'customFields');
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return fail(errors, field, 'invalid_type', `customFields must be an object, got ${describeValue(value)}.`);
  const fields: Record<string, CustomFieldValue> = {};
  for (const [name, entry] of Object.entries(value)) {
    const isScalar = typeof entry === 'string' || typeof entry === 'boolean' || entry === null || (typeof entry === 'number' && Number.isFinite(entry));
    if (isScalar) fields[name] = entry;
    else fail(errors, fieldPath(field, name), 'invalid_type', `customFields.${name} must be a string, a number, a boolean or null, got ${describeValue(entry)}.`);
  }
  return fields;
}

function parseLine(value: unknown, path: string, errors: Errors): CartLine | undefined {
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A line must be an object, got ${describeValue(value)}.`);
  const lineId = readString(value, 'lineId', path, errors);
  const sku = readString(value, 'sku', path, errors);
  const productId = readString(value, 'productId', path, errors);
  const variantId = readString(value, 'variantId', path, errors, { required: false }) ?? null;
  const quantity = readInteger(value, 'quantity', path, errors, { min: 1 });
  const unitPrice = readAmount(value, 'unitPrice', path, errors);
  const categories = readStringList(value, 'categories', path, errors) ?? [];
  const brand = readString(value, 'brand', path, errors, { required: false }) ?? null;
  const customFields = readCustomFields(value, path, errors) ?? {};
  const options = readStringRecord(value, 'options', path, errors) ?? {};
  const onSale = readBoolean(value, 'onSale', path, errors, false);
  const priceOverridden = readBoolean(value, 'priceOverridden', path, errors, false);
  const giftCertificate = readBoolean(value, 'giftCertificate', path, errors, false);
  const discountable = readBoolean(value, 'discountable', path, errors, true);
  const taxRate = readInteger(value, 'taxRate', path, errors, { min: 0, max: 10_000, required: false }) ?? 0;
  if (lineId === undefined || sku === undefined || productId === undefined || quantity === undefined || unitPrice === undefined) return undefined;
  if (!Number.isSafeInteger(quantity * unitPrice)) return fail(errors, path, 'out_of_range', 'quantity × unitPrice exceeds the largest safe integer.');
  return { lineId, sku, productId, variantId, quantity, unitPrice, categories, brand, customFields, options, onSale, priceOverridden, giftCertificate, discountable, taxRate };
}

function parseCustomer(value: unknown, path: string, errors: Errors): CartCustomer | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `customer must be an object or null, got ${describeValue(value)}.`);
  const customerId = readString(value, 'customerId', path, errors);
  const groups = readStringList(value, 'groups', path, errors) ?? [];
  const segments = readStringList(value, 'segments', path, errors) ?? [];
  const orderCount = readInteger(value, 'orderCount', path, errors, { min: 0, required: false }) ?? 0;
  return customerId === undefined ? undefined : { customerId, groups, segments, orderCount };
}

/** README rules 12 and 22: one method of a shipping list; `methodId`, `zone` and `method` non-empty, `amount` ≥ 0. */
function parseShippingMethod(value: unknown, path: string, errors: Errors): CartShippingMethod | undefined {
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `A shipping method must be an object, got ${describeValue(value)}.`);
  const methodId = readString(value, 'methodId', path, errors);
  const zone = readString(value, 'zone', path, errors);
  const method = readString(value, 'method', path, errors);
  const country = readString(value, 'country', path, errors, { required: false }) ?? null;
  const amount = readAmount(value, 'amount', path, errors);
  if (methodId === undefined || zone === undefined || method === undefined || amount === undefined) return undefined;
  return { methodId, zone, method, country, amount };
}

function parseShippingList(value: readonly unknown[], path: string, errors: Errors): CartShippingMethod[] | undefined {
  const errorsBefore = errors.length;
  const methods: CartShippingMethod[] = [];
  const seen = new Set<string>();
  value.forEach((raw: unknown, i: number) => {
    const method = parseShippingMethod(raw, indexPath(path, i), errors);
    if (method === undefined) return;
    if (seen.has(method.methodId)) fail(errors, fieldPath(indexPath(path, i), 'methodId'), 'duplicate', `methodId ${method.methodId} is used twice.`);
    seen.add(method.methodId);
    methods.push(method);
  });
  return errors.length > errorsBefore ? undefined : methods;
}

function parseShipping(value: unknown, path: string, errors: Errors): CartShipping | CartShippingMethod[] | null | undefined {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return parseShippingList(value, path, errors);
  if (!isRecord(value)) return fail(errors, path, 'invalid_type', `shipping must be an object, a list of methods or null, got ${describeValue(value)}.`);
  const obj = value;
  const country = readString(obj, 'country', path, errors);
  const zone = readString(obj, 'zone', path, errors, { required: false }) ?? null;
  const method = readString(obj, 'method', path, errors, { required: false }) ?? null;
  const amount = readAmount(obj, 'amount', path, errors);
  return country === undefined || amount === undefined ? undefined : { country, zone, method, amount };
}

/** A cart (the `cart.updated` contract plus `currencyExponent`) from untrusted input. */
export function parseCart(value: unknown, path = ''): ParseResult<Cart> {
  const errors: Errors = [];
  if (!isRecord(value)) return { ok: false, errors: [{ field: path || '(root)', reason: 'invalid_type', detail: `cart must be an object, got ${describeValue(value)}.` }] };
  const cartId = readString(value, 'cartId', path, errors);
  const channel = readString(value, 'channel', path, errors);
  const currency = readString(value, 'currency', path, errors);
  if (currency !== undefined && !isCurrencyCode(currency)) fail(errors, fieldPath(path, 'currency'), 'invalid_value', `currency must be an ISO 4217 code, got ${JSON.stringify(currency)}.`);
  const known = currency === undefined ? undefined : CURRENCIES.get(currency);
  const currencyExponent = readInteger(value, 'currencyExponent', path, errors, { min: 0, max: 4, required: known === undefined }) ?? known?.exponent;
  if (known !== undefined && currencyExponent !== undefined && currencyExponent !== known.exponent) {
    fail(errors, fieldPath(path, 'currencyExponent'), 'out_of_range', `${known.code} has exponent ${known.exponent}, got ${currencyExponent}.`);
  }
  const customer = parseCustomer(value['customer'], fieldPath(path, 'customer'), errors);
  const linesPath = fieldPath(path, 'lines');
  const rawLines = value['lines'];
  const lines: CartLine[] = [];
  if (!Array.isArray(rawLines)) fail(errors, linesPath, rawLines === undefined ? 'required' : 'invalid_type', 'lines must be an array.');
  else {
    const seen = new Set<string>();
    rawLines.forEach((raw: unknown, i: number) => {
      const line = parseLine(raw, indexPath(linesPath, i), errors);
      if (line === undefined) return;
      if (seen.has(line.lineId)) fail(errors, fieldPath(indexPath(linesPath, i), 'lineId'), 'duplicate', `lineId ${line.lineId} is used twice.`);
      seen.add(line.lineId);
      lines.push(line);
    });
  }
  const codes = readStringList(value, 'codes', path, errors) ?? [];
  const shipping = parseShipping(value['shipping'], fieldPath(path, 'shipping'), errors);
  const market = value['market'] ?? null;
  if (market !== null && typeof market !== 'string') fail(errors, fieldPath(path, 'market'), 'invalid_type', `market must be a string or null, got ${describeValue(market)}.`);
  if (errors.length > 0 || cartId === undefined || channel === undefined || currency === undefined || currencyExponent === undefined || customer === undefined || shipping === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, value: { cartId, channel, currency, currencyExponent, customer, lines, codes, shipping, market: typeof market === 'string' ? market : null } };
}
