import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess, waitUntilReady } from './service-process';

/**
 * The behaviour every service shares (#4), checked against the real Postgres, Redis and Kafka of the
 * test run. Each app's `test/service-lifecycle.int-spec.ts` declares the tests and calls these.
 */
function baseEnv(): Record<string, string> {
  const infra = testInfra();
  return {
    PG_URL: infra.pgUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}${uniqueSuffix()}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
  };
}

/** Kills a service a failed assertion left running. */
async function killIfRunning(service: ServiceProcess | undefined): Promise<void> {
  if (service && service.child.exitCode === null && service.child.signalCode === null) {
    service.child.kill('SIGKILL');
    await service.exited;
  }
}

/** A request body the OpenAPI document must describe with (at least) these properties. */
export interface DocumentedBody {
  readonly method: 'post' | 'put' | 'patch';
  readonly path: string;
  readonly properties: readonly string[];
}

type OpenApiSchema = { $ref?: string; properties?: Record<string, unknown>; allOf?: readonly OpenApiSchema[] };
type OpenApiDocument = {
  openapi?: string;
  paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> } }>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
};

/** The property names of an operation's JSON request body, following a `$ref` into the components. */
function bodyPropertiesOf(document: OpenApiDocument, body: DocumentedBody): string[] {
  const schema = document.paths?.[body.path]?.[body.method]?.requestBody?.content?.['application/json']?.schema;
  return [...new Set(propertiesOf(document, schema))];
}

/** A schema's property names, through `$ref`s to components and the parts of an `allOf` (a body built from a shared shape). */
function propertiesOf(document: OpenApiDocument, schema: OpenApiSchema | undefined): string[] {
  const resolved = schema?.$ref ? document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] : schema;
  return [...Object.keys(resolved?.properties ?? {}), ...(resolved?.allOf ?? []).flatMap((part) => propertiesOf(document, part))];
}

/**
 * Migrations apply; the process becomes ready; health, metrics, docs (with the request bodies given
 * documented field by field) and problem+json answer; SIGTERM exits 0 after committing.
 */
export async function assertServiceRunsAndStopsCleanly(app: string, expectations: { readonly documentedBodies?: readonly DocumentedBody[] } = {}): Promise<void> {
  let service: ServiceProcess | undefined;
  try {
    const migration = startServiceProcess(app, 'migrate', baseEnv());
    expect(await migration.exited).toEqual({ code: 0, signal: null });

    const port = await freePort();
    service = startServiceProcess(app, 'main', { ...baseEnv(), HTTP_PORT: String(port) });
    await waitUntilReady(service);

    const live = await fetch(`${service.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${service.baseUrl}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } });

    const metrics = await fetch(`${service.baseUrl}/metrics`);
    expect(metrics.status).toBe(200);
    const exposition = await metrics.text();
    expect(exposition).toContain('process_cpu_user_seconds_total');
    expect(exposition).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/health\/ready",status="200"\} [1-9]/m);
    for (const name of ['messaging_events_processed_total', 'messaging_events_dead_lettered_total', 'messaging_event_retries_total', 'kafka_consumer_lag', 'outbox_backlog']) {
      expect(exposition).toContain(`# TYPE ${name} `);
    }
    for (const dependency of ['postgres', 'redis', 'kafka']) expect(exposition).toContain(`dependency_up{dependency="${dependency}"} 1`);

    const docs = await fetch(`${service.baseUrl}/docs-json`);
    expect(docs.status).toBe(200);
    const openApi = (await docs.json()) as OpenApiDocument;
    expect(openApi.openapi).toMatch(/^3\./);
    expect(Object.keys(openApi.paths ?? {})).toEqual(expect.arrayContaining(['/health/ready', '/health/live', '/metrics']));
    for (const body of expectations.documentedBodies ?? []) {
      expect({ ...body, properties: bodyPropertiesOf(openApi, body) }).toEqual({ ...body, properties: expect.arrayContaining([...body.properties]) });
    }

    const missing = await fetch(`${service.baseUrl}/v1/no-such-route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404, type: '/problems/not-found', instance: '/v1/no-such-route' });

    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    const lines = service.output().split('\n').filter((line) => line.startsWith('{'));
    const logs = lines.map((line) => JSON.parse(line) as { service?: string; msg?: string });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((entry) => entry.service === app)).toBe(true);
    expect(logs.map((entry) => entry.msg)).toContain('consumer stopped with offsets committed; outbox flushed');
  } finally {
    await killIfRunning(service);
  }
}

/** A bad environment stops the process with exit 78 and a fatal log line naming every bad variable. */
export async function assertServiceRefusesInvalidEnvironment(app: string): Promise<void> {
  let service: ServiceProcess | undefined;
  try {
    service = startServiceProcess(app, 'main', { ...baseEnv(), KAFKA_BROKERS: 'not a broker list', HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await service.exited).toEqual({ code: 78, signal: null });
    const fatal = JSON.parse(service.output().trim().split('\n').pop() ?? '{}') as { level?: string; invalid?: { variable: string }[] };
    expect(fatal.level).toBe('fatal');
    expect(fatal.invalid?.map((p) => p.variable).sort()).toEqual(['HTTP_PORT', 'KAFKA_BROKERS', 'LOG_LEVEL']);
  } finally {
    await killIfRunning(service);
  }
}
