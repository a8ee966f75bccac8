import type { SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema, type JsonValue, type OpenApiSchema } from '@promo/contracts';
import { MAX_CODE_LENGTH, MAX_CODE_TOKEN_LENGTH } from '@promo/contracts/http';
import { CURRENCIES, REASONS } from '@promo/pricing-engine';

// The price API's shapes in its OpenAPI document (#24), from the schema files rather than a second copy: the request
// is cart.updated's schema with what the service accepts beyond it or refuses within it (parsePriceRequest and
// the engine's parseCart) stated once below; the answer is priced-cart.schema.json, whose shared fields are
// pricing.cart-priced's. apps/pricing/test/price-api-schema.int-spec.ts validates real answers against these.

function objectAt(schema: OpenApiSchema, ...path: string[]): OpenApiSchema {
  let node: JsonValue | undefined = schema;
  for (const key of path) node = Array.isArray(node) ? (node as readonly JsonValue[])[Number(key)] : typeof node === 'object' && node !== null ? (node as OpenApiSchema)[key] : undefined;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`the schema has no object at ${path.join('.')}`);
  return node as OpenApiSchema;
}

/** The engine's amounts are safe integers (P8). */
const AMOUNT_LIMIT = { maximum: Number.MAX_SAFE_INTEGER };

function priceRequestSchema(): OpenApiSchema {
  const cart = contractOpenApiSchema('cart.updated');
  const properties = objectAt(cart, 'properties');
  const line = objectAt(properties, 'lines', 'items');
  const lineProperties = objectAt(line, 'properties');
  const shipping = objectAt(properties, 'shipping');
  const shippingProperties = objectAt(shipping, 'properties');
  const { nullable: _nullable, ...shippingObject } = shipping;
  return {
    ...cart,
    title: 'A cart as in cart.updated, plus the email-link token',
    // updatedAt is the event's; pricing does not read it.
    required: ['cartId', 'currency', 'channel', 'lines'],
    properties: {
      ...properties,
      // Only currencies of the engine's table, whose exponents it knows (P8); anything else is unknown_currency.
      currency: { ...objectAt(properties, 'currency'), enum: [...CURRENCIES.keys()].sort() },
      codes: { ...objectAt(properties, 'codes'), items: { type: 'string', maxLength: MAX_CODE_LENGTH, description: 'Trimmed; no control characters' } },
      lines: {
        ...objectAt(properties, 'lines'),
        description: 'May be empty. lineId is unique within the cart; quantity × unitPrice stays a safe integer.',
        items: {
          ...line,
          properties: {
            ...lineProperties,
            unitPrice: { ...objectAt(lineProperties, 'unitPrice'), ...AMOUNT_LIMIT },
            customFields: { type: 'object', nullable: true, description: 'Text, numbers, booleans or null (README rule 17)', additionalProperties: { anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] } },
            discountable: { type: 'boolean', default: true, description: 'false keeps the line out of every discount' },
            taxRate: { type: 'integer', minimum: 0, maximum: 10_000, default: 0, description: 'Basis points of tax included in unitPrice (README rule 11)' },
          },
        },
      },
      shipping: {
        description: 'One shipping, or a list of methods each priced on its own (README rule 12); null or absent for none.',
        anyOf: [
          // OpenAPI 3.0 takes nullable only beside a type: null is said on the object branch.
          { ...shippingObject, nullable: true, properties: { ...shippingProperties, amount: { ...objectAt(shippingProperties, 'amount'), ...AMOUNT_LIMIT } } },
          {
            type: 'array',
            items: {
              type: 'object',
              required: ['methodId', 'zone', 'method', 'amount'],
              properties: {
                methodId: { type: 'string', minLength: 1, description: 'Unique within the list' },
                zone: { type: 'string', minLength: 1 },
                method: { type: 'string', minLength: 1 },
                country: { ...objectAt(shippingProperties, 'country'), nullable: true },
                amount: { ...objectAt(shippingProperties, 'amount'), ...AMOUNT_LIMIT },
              },
            },
          },
        ],
      },
      market: { type: 'string', nullable: true, description: 'The market a promotion may target (P4)' },
      token: { type: 'string', nullable: true, minLength: 1, maxLength: MAX_CODE_TOKEN_LENGTH, description: 'The email-link token that binds a code to this customer; no control characters' },
    },
  };
}

function pricedCartSchema(): OpenApiSchema {
  const answer = contractOpenApiSchema('priced-cart');
  // The engine's reasons (P10) are one list, libs/pricing-engine/src/reasons/reason.ts.
  const refusal = (schema: OpenApiSchema): OpenApiSchema => ({ ...schema, properties: { ...objectAt(schema, 'properties'), reason: { ...objectAt(schema, 'properties', 'reason'), enum: [...REASONS] } } });
  const codeOutcome = objectAt(answer, 'properties', 'codes', 'additionalProperties');
  const applied = objectAt(codeOutcome, 'anyOf', '0');
  const rejectedSchema = objectAt(codeOutcome, 'anyOf', '1');
  const properties = objectAt(answer, 'properties');
  return {
    ...answer,
    properties: {
      ...properties,
      codes: { ...objectAt(properties, 'codes'), additionalProperties: { ...codeOutcome, anyOf: [applied, { ...rejectedSchema, allOf: [refusal(objectAt(rejectedSchema, 'allOf', '0'))] }] } },
      notApplied: { ...objectAt(properties, 'notApplied'), additionalProperties: refusal(objectAt(properties, 'notApplied', 'additionalProperties')) },
    },
  };
}

/** The body of POST /v1/carts/price, an OpenAPI 3.0 Schema Object. */
export const PRICE_REQUEST_SCHEMA = priceRequestSchema() as SchemaObject;

/** The answer of POST /v1/carts/price and its dry-run (PricedCart), an OpenAPI 3.0 Schema Object. */
export const PRICED_CART_SCHEMA = pricedCartSchema() as SchemaObject;
