import { documentedAnswers } from './documented-answer';

describe('documentedAnswers', () => {
  const document = {
    paths: {
      '/v1/things/{id}': {
        get: {
          responses: {
            '200': {
              description: 'the thing',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '204': { description: 'nothing' },
          },
        },
      },
      '/metrics': { get: { responses: { '200': { description: 'text', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
    },
    components: { schemas: { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, size: { type: 'integer', nullable: true } } } } },
  };
  const read = documentedAnswers(document);
  const json = (body: unknown, status = 200, headers: Record<string, string> = { ETag: '"1"' }) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

  it('finds nothing to say of an answer as documented, and gives its body', async () => {
    await expect(read('GET', '/v1/things/{id}', json({ id: 't1', size: null }))).resolves.toEqual({ status: 200, body: { id: 't1', size: null }, problems: [] });
    await expect(read('get', '/metrics', new Response('# TYPE x counter\n', { headers: { 'content-type': 'text/plain; version=0.0.4' } }))).resolves.toMatchObject({ problems: [] });
    await expect(read('GET', '/v1/things/{id}', new Response(null, { status: 204 }))).resolves.toMatchObject({ problems: [] });
  });

  it('names a schema error by its path in the body, and a documented header not sent', async () => {
    const { problems } = await read('GET', '/v1/things/{id}', json({ id: 't1', size: 'big' }, 200, {}));
    expect(problems).toEqual(['GET /v1/things/{id} 200 documents the ETag header, not sent', 'GET /v1/things/{id} 200 body/size must be integer']);
  });

  it('names a status or a media type the operation does not document', async () => {
    await expect(read('GET', '/v1/things/{id}', json({ id: 't1' }, 404))).resolves.toMatchObject({ problems: ['GET /v1/things/{id} documents no 404'] });
    const html = await read('GET', '/v1/things/{id}', new Response('<p>hi</p>', { headers: { 'content-type': 'text/html', ETag: '"1"' } }));
    expect(html.problems).toEqual(['GET /v1/things/{id} 200 documents application/json, answered text/html']);
  });
});
