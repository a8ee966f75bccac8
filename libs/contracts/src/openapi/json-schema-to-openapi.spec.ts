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

  describe('a recursive shape', () => {
    const filters = { $id: 'urn:test:filters', $defs: { filter: { type: 'object', properties: { name: { type: 'string' }, not: { $ref: '#/$defs/filter' } } } } };
    const withFilters = new Map([['urn:test:filters', filters]]);
    const schema = { type: 'object', properties: { include: { anyOf: [{ $ref: 'urn:test:filters#/$defs/filter' }, { type: 'null' }] } } };

    it('is inlined once, then left open, when no component names it', () => {
      const open = { description: 'The shape of urn:test:filters#/$defs/filter again (recursive; the schema file states it in full)' };
      expect(toOpenApiSchema(schema, withFilters)).toEqual({
        type: 'object',
        properties: { include: { type: 'object', nullable: true, properties: { name: { type: 'string' }, not: open } } },
      });
    });

    it('is a reference to the component that names it, a nullable one typed beside an allOf', () => {
      const components = { Filter: 'urn:test:filters#/$defs/filter' };
      expect(toOpenApiSchema(schema, withFilters, '', components)).toEqual({
        type: 'object',
        properties: { include: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/Filter' }] } },
      });
      // The component itself: its own shape, referring to itself where it recurses.
      expect(toOpenApiSchema({ $ref: 'urn:test:filters#/$defs/filter' }, withFilters, '', components)).toEqual({
        type: 'object',
        properties: { name: { type: 'string' }, not: { $ref: '#/components/schemas/Filter' } },
      });
    });
  });
});
