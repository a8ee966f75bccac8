import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import envelopeSchema from './upstream/schemas/envelope.schema.json';
import commonSchema from './upstream/schemas/money-and-lines.schema.json';
import cartUpdatedSchema from './upstream/schemas/cart.updated.schema.json';
import orderPlacedSchema from './upstream/schemas/order.placed.schema.json';
import orderCancelledSchema from './upstream/schemas/order.cancelled.schema.json';
import customerInactiveSchema from './upstream/schemas/customer.inactive.schema.json';
import promotionChangedSchema from './outbound/schemas/pricing.promotion-changed.v1.schema.json';
import cartPricedSchema from './outbound/schemas/pricing.cart-priced.v1.schema.json';
import redemptionRecordedSchema from './outbound/schemas/redemption.recorded.v1.schema.json';
import redemptionRejectedSchema from './outbound/schemas/redemption.rejected.v1.schema.json';
import redemptionReversedSchema from './outbound/schemas/redemption.reversed.v1.schema.json';
import codeChangedSchema from './outbound/schemas/code-inventory.code-changed.v1.schema.json';
import codeIssuedSchema from './outbound/schemas/code-inventory.code-issued.v1.schema.json';
import emailSentSchema from './outbound/schemas/campaigns.email-sent.v1.schema.json';

/** Every data schema by CloudEvent type; compiled once, when this module loads. */
const DATA_SCHEMAS: Readonly<Record<string, object>> = {
  'cart.updated': cartUpdatedSchema,
  'order.placed': orderPlacedSchema,
  'order.cancelled': orderCancelledSchema,
  'customer.inactive': customerInactiveSchema,
  'pricing.promotion-changed': promotionChangedSchema,
  'pricing.cart-priced': cartPricedSchema,
  'redemption.recorded': redemptionRecordedSchema,
  'redemption.rejected': redemptionRejectedSchema,
  'redemption.reversed': redemptionReversedSchema,
  'code-inventory.code-changed': codeChangedSchema,
  'code-inventory.code-issued': codeIssuedSchema,
  'campaigns.email-sent': emailSentSchema,
};

// allErrors is off: the first failing keyword is the reason reported, and validation stops early.
const ajv = new Ajv2020({ strict: false, allErrors: false, useDefaults: false });
// date-time is RFC 3339 with a mandatory offset (streams README: anything else is malformed).
addFormats(ajv, { mode: 'full', formats: ['date-time', 'date', 'time', 'email', 'uri'] });
ajv.addSchema(commonSchema);

const envelopeValidator: ValidateFunction = ajv.compile({ ...envelopeSchema, properties: { ...envelopeSchema.properties, type: { type: 'string', minLength: 1 } } });
const dataValidators: ReadonlyMap<string, ValidateFunction> = new Map(
  Object.entries(DATA_SCHEMAS).map(([type, schema]) => [type, ajv.compile(schema)]),
);

/** Validates a CloudEvents envelope (any `type`); the type itself is checked against the data schemas. */
export function validateEnvelope(value: unknown): readonly ErrorObject[] {
  return envelopeValidator(value) ? [] : (envelopeValidator.errors ?? []);
}

/** Validates `data` for an event type; `undefined` when the type has no schema. */
export function validateData(type: string, data: unknown): readonly ErrorObject[] | undefined {
  const validator = dataValidators.get(type);
  if (!validator) return undefined;
  return validator(data) ? [] : (validator.errors ?? []);
}

export function knownEventTypes(): readonly string[] {
  return [...dataValidators.keys()];
}
