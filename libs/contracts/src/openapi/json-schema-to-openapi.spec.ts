import { toOpenApiSchema } from './json-schema-to-openapi';

describe('toOpenApiSchema', () => {
  const common = { $id: 'urn:test:common', $defs: { money: { type: 'integer', minimum: 0 }, shipping: { type: ['object', 'null'], properties: { amount: { $ref: '#/$defs/money' } } } } };
  const byId = new Map([['urn:test:common', common]]);

  it('inlines references into another file and within it, keeping the referring description', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:test:cart', type: 'object', properties: { total: { $ref: 'urn:test:common#/$defs/money', description: 'minor units' } } };
    expect(toOpenApiSchema(schema, byId)).toEqual({ type: 'object', properties: { total: { type: 'integer', minimum: 0, description: 'minor units' } } });
  });

  it('says a null type of 2020-12 as nullable, and a const as a one-value enum', () => {
    const schema = { type: 'object', properties: { shipping: { $ref: 'urn:test:common#/$defs/shipping' }, status: { const: 'applied' }, note: { anyOf: [{ type: 'string' }, { type: 'null' }] } } };
    expect(toOpenApiSchema(schema, byId)).toEqual({
      type: 'object',
      properties: {
        shipping: { type: 'object', nullable: true, properties: { amount: { type: 'integer', minimum: 0 } } },
        status: { enum: ['applied'] },
        note: { type: 'string', nullable: true },
      },
    });
  });

  it('refuses a reference to a schema it was not given', () => {
    expect(() => toOpenApiSchema({ $ref: 'urn:test:nowhere#/$defs/x' }, byId)).toThrow('$ref urn:test:nowhere#/$defs/x: no schema urn:test:nowhere');
  });
});
