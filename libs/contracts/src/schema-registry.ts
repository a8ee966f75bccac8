import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { COMMON_SCHEMA, DATA_SCHEMAS, ENVELOPE_SCHEMA } from './schema-files';

// allErrors is off: the first failing keyword is the reason reported, and validation stops early.
const ajv = new Ajv2020({ strict: false, allErrors: false, useDefaults: false });
// date-time is RFC 3339 with a mandatory offset (streams README: anything else is malformed).
addFormats(ajv, { mode: 'full', formats: ['date-time', 'date', 'time', 'email', 'uri'] });
ajv.addSchema(COMMON_SCHEMA);

const envelopeValidator: ValidateFunction = ajv.compile({ ...ENVELOPE_SCHEMA, properties: { ...ENVELOPE_SCHEMA.properties, type: { type: 'string', minLength: 1 } } });
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
