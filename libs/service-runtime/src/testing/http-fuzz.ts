import fc from 'fast-check';

/**
 * Property-based fuzzing of a running service's HTTP API (#11): every operation its OpenAPI document
 * (/docs-json) lists is called with generated path parameters, query strings, headers and bodies (wrong
 * types, huge numbers, unicode, deep nesting, missing fields, malformed JSON). The property: never a 5xx,
 * every 400 is problem+json naming each field and reason; afterwards the service is still ready.
 */
export interface HttpFuzzOptions {
  readonly baseUrl: string;
  readonly keys: { readonly admin: string; readonly storefront: string };
  /** Requests to send (each run is one request). */
  readonly runs: number;
  readonly seed?: number;
  /** Operations to leave out, matched against `METHOD /path/{param}`. */
  readonly exclude?: RegExp;
}

export interface HttpFuzzReport {
  readonly sent: number;
  readonly operations: readonly string[];
  readonly statuses: Readonly<Record<string, number>>;
  readonly readyAfter: boolean;
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly scope: 'admin' | 'storefront' | undefined;
}

interface FuzzCase {
  readonly operation: Operation;
  readonly params: readonly string[];
  readonly query: Readonly<Record<string, string>>;
  readonly body: { readonly text: string | undefined; readonly contentType: string | undefined };
  readonly requestId: string | undefined;
  readonly key: 'right' | 'none' | 'wrong';
}

const FIELD_NAMES = [
  'id', 'name', 'code', 'codes', 'promotionId', 'cartId', 'orderId', 'customerId', 'currency', 'amount', 'units', 'lines', 'items', 'quantity',
  'price', 'unitPrice', 'kind', 'status', 'limits', 'startsAt', 'endsAt', 'email', 'channel', 'reservationId', 'discount', 'value', 'type',
  'rules', 'conditions', 'actions', 'count', 'prefix', 'length', 'groupId', 'version', 'priority', 'sku', 'total', 'subtotal', 'cursor', 'limit',
];

const hugeNumbers = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 0.1 + 0.2, -0, 1e-320, Number.MAX_SAFE_INTEGER, 4_294_967_296);
const oddStrings = fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e308', '99999999999999999999999', '../../etc/passwd', '%00', '\u0000', '🎉🎉', 'ǅ', '\u202e', "' OR 1=1 --", '<script>');
const leaf = fc.oneof(fc.string({ maxLength: 30 }), fc.fullUnicodeString({ maxLength: 20 }), oddStrings, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), hugeNumbers, fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 8 })), tie('node'), { maxKeys: 5 })),
})).node;
const shapedObject = fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 8 });

const bodies = fc.oneof(
  { weight: 5, arbitrary: shapedObject.map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":}', '[1,2', 'nul', '"unterminated', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '1e999', '') },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const contentTypes = fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data') }, { weight: 1, arbitrary: fc.constant(undefined) });
const pathParam = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: oddStrings.filter((s) => s !== '') },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.fullUnicodeString({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 3_000 }) },
);
const query = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 30 }), oddStrings, hugeNumbers.map(String)), { maxKeys: 4 });
const requestIds = fc.option(fc.stringOf(fc.char(), { maxLength: 300 }), { nil: undefined });

/** Reads the operations of the service's OpenAPI document. */
export async function fetchOperations(baseUrl: string): Promise<readonly Operation[]> {
  const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, { 'x-required-scope'?: 'admin' | 'storefront' }>> };
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path: route, scope: operation['x-required-scope'] })),
  );
}

function urlOf(baseUrl: string, c: FuzzCase): string {
  let index = 0;
  const path = c.operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(c.params[index++] ?? 'x'));
  const search = new URLSearchParams(Object.entries(c.query)).toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** Why a response breaks the property, or undefined when it holds. */
async function violation(response: Response): Promise<string | undefined> {
  if (response.status >= 500) return `answered ${response.status}: ${(await response.text()).slice(0, 500)}`;
  if (response.status !== 400) {
    await response.arrayBuffer();
    return undefined;
  }
  if (!(response.headers.get('content-type') ?? '').includes('application/problem+json')) return 'a 400 that is not problem+json';
  const problem = (await response.json()) as { errors?: { field?: unknown; reason?: unknown }[] };
  if (!Array.isArray(problem.errors) || problem.errors.length === 0) return `a 400 without errors[]: ${JSON.stringify(problem).slice(0, 300)}`;
  const unnamed = problem.errors.find((e) => typeof e.field !== 'string' || e.field === '' || typeof e.reason !== 'string' || e.reason === '');
  return unnamed ? `a 400 error without field or reason: ${JSON.stringify(unnamed)}` : undefined;
}

export async function fuzzServiceHttp(options: HttpFuzzOptions): Promise<HttpFuzzReport> {
  const operations = (await fetchOperations(options.baseUrl)).filter((o) => o.scope !== undefined && !options.exclude?.test(`${o.method} ${o.path}`));
  if (operations.length === 0) throw new Error('no scoped operation in /docs-json');
  const statuses: Record<string, number> = {};
  let sent = 0;
  const cases = fc.record<FuzzCase>({
    operation: fc.constantFrom(...operations),
    params: fc.array(pathParam, { minLength: 4, maxLength: 4 }),
    query,
    body: fc.record({ text: bodies, contentType: contentTypes }),
    requestId: requestIds,
    key: fc.oneof({ weight: 18, arbitrary: fc.constant('right' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'wrong' as const) }),
  });
  await fc.assert(
    fc.asyncProperty(cases, async (c) => {
      const key = c.key === 'right' ? options.keys[c.operation.scope ?? 'admin'] : c.key === 'wrong' ? 'pk_wrong_key' : undefined;
      const headers: Record<string, string> = {
        ...(key ? { 'x-api-key': key } : {}),
        ...(c.requestId !== undefined ? { 'x-request-id': c.requestId } : {}),
        ...(c.body.contentType ? { 'content-type': c.body.contentType } : {}),
      };
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(c.operation.method) && c.body.text !== undefined;
      let url: string;
      try {
        url = urlOf(options.baseUrl, c);
      } catch {
        return true; // a lone surrogate cannot be put in a URL by any client
      }
      const response = await fetch(url, { method: c.operation.method, headers, ...(hasBody ? { body: c.body.text } : {}), signal: AbortSignal.timeout(30_000) });
      sent += 1;
      statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
      const why = await violation(response);
      if (why) throw new Error(`${c.operation.method} ${url.slice(0, 300)}: ${why}`);
      return true;
    }),
    { numRuns: options.runs, ...(options.seed !== undefined ? { seed: options.seed } : {}), endOnFailure: true },
  );
  const ready = await fetch(`${options.baseUrl}/health/ready`).catch(() => undefined);
  return { sent, operations: operations.map((o) => `${o.method} ${o.path}`), statuses, readyAfter: ready?.status === 200 };
}
