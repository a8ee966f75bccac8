import { undocumentedInAnswer } from './documented-answer';

// A document of one operation, written by hand: 200 as JSON or CSV, a 302 without a body.
const DOCUMENT = {
  paths: {
    '/v1/things': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': { schema: { type: 'object', required: ['count'], additionalProperties: false, properties: { count: { type: 'integer' } } } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          '302': { description: 'elsewhere' },
        },
      },
    },
  },
};

const answer = (status: number, body: string, contentType?: string): Response => new Response(body, { status, headers: contentType === undefined ? {} : { 'content-type': contentType } });

describe('undocumentedInAnswer', () => {
  it('finds nothing in answers the document describes', async () => {
    expect(await undocumentedInAnswer(DOCUMENT, 'get', '/v1/things', answer(200, '{"count":2}', 'application/json; charset=utf-8'))).toEqual([]);
    expect(await undocumentedInAnswer(DOCUMENT, 'GET', '/v1/things', answer(200, 'a,b\n', 'text/csv'))).toEqual([]);
    expect(await undocumentedInAnswer(DOCUMENT, 'get', '/v1/things', answer(302, 'Found. Redirecting', 'text/plain'))).toEqual([]);
  });

  it('names an undocumented status, an undocumented media type and a body off its schema', async () => {
    expect(await undocumentedInAnswer(DOCUMENT, 'get', '/v1/things', answer(404, '{}', 'application/json'))).toEqual(['GET /v1/things answered 404, which its document does not list: {}']);
    expect(await undocumentedInAnswer(DOCUMENT, 'get', '/v1/things', answer(200, '<p/>', 'text/html'))).toEqual(['GET /v1/things answered 200 as text/html, which its document does not describe']);
    expect(await undocumentedInAnswer(DOCUMENT, 'get', '/v1/things', answer(200, '{"count":"2","extra":1}', 'application/json'))).toEqual([
      'GET /v1/things 200: (body) must NOT have additional properties {"additionalProperty":"extra"}',
      'GET /v1/things 200: /count must be integer {"type":"integer"}',
    ]);
  });
});
