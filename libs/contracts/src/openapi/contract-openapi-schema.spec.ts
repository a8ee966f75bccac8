import { contractOpenApiSchema } from './contract-openapi-schema';

describe('contractOpenApiSchema', () => {
  it("reads one $defs entry of an answer file, with the file's own references inlined", () => {
    const page = contractOpenApiSchema('campaigns-answers', 'suppressionPage');
    expect(page['required']).toEqual(['items', 'nextCursor']);
    expect(page['properties']).toMatchObject({
      items: { type: 'array', items: { type: 'object', required: ['email', 'customerId', 'reason', 'createdAt'] } },
      nextCursor: { type: 'string', nullable: true },
    });
  });

  it('refuses a definition the file does not have', () => {
    expect(() => contractOpenApiSchema('campaigns-answers', 'nothing')).toThrow('$ref urn:promotions:http:campaigns-answers:v1#/$defs/nothing points at nothing');
  });
});
