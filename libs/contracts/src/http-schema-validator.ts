import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { HTTP_SCHEMAS, SCHEMAS_BY_ID } from './schema-files';

/** The name of one of the HTTP schema files (or one of their $defs) in HTTP_SCHEMAS. */
export type HttpSchemaName = keyof typeof HTTP_SCHEMAS;

// Built on first use, not at import: the services import this package's entry point, and compiling every HTTP
// schema would add most of a second to each boot for what only tests call. Ajv keeps each compiled schema itself.
let ajv: Ajv2020 | undefined;

function validatorOf(name: HttpSchemaName) {
  if (ajv === undefined) {
    ajv = new Ajv2020({ strict: false, allErrors: true, useDefaults: false });
    addFormats(ajv, { mode: 'full', formats: ['date-time', 'date', 'time', 'email', 'uri'] });
    for (const [id, schema] of SCHEMAS_BY_ID) ajv.addSchema(schema as object, id);
  }
  const schema: object = HTTP_SCHEMAS[name];
  const id = '$id' in schema && typeof schema.$id === 'string' ? schema.$id : undefined;
  const validate = id === undefined ? ajv.compile(schema) : ajv.getSchema(id);
  if (validate === undefined) throw new Error(`no schema ${name}`);
  return validate;
}

/** Every error of `value` against an HTTP schema file, as JSON Schema 2020-12 states it (#24); empty when it conforms. */
export function validateHttpSchema(name: HttpSchemaName, value: unknown): readonly ErrorObject[] {
  const validate = validatorOf(name);
  return validate(value) ? [] : (validate.errors ?? []);
}
