import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';

// What every service's probes and metrics answer, in its OpenAPI document (#24): the shapes are
// libs/contracts/src/http/schemas/service-probes.schema.json; each service's answer-schema int-spec checks real answers.

const probe = (definition: string): SchemaObject => contractOpenApiSchema('service-probes', definition) as SchemaObject;

const READY_EXAMPLE = { status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } };
const UNAVAILABLE_EXAMPLE = { status: 'unavailable', checks: { postgres: 'up', redis: 'down: connect ECONNREFUSED 127.0.0.1:6379', kafka: 'up' } };
const METRICS_EXAMPLE = '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 1.52\n';

/** GET /health/live: 200 while the process answers. */
export const ApiLiveResponses = (): MethodDecorator => ApiOkResponse({ description: 'the process is up', schema: probe('live'), example: { status: 'ok' } });

/** GET /health/ready: 200 when every dependency answers, 503 naming the ones that do not (not problem+json: a probe's body). */
export const ApiReadyResponses = (): MethodDecorator =>
  applyDecorators(
    ApiOkResponse({ description: 'every dependency answers', schema: probe('ready'), example: READY_EXAMPLE }),
    ApiResponse({ status: 503, description: 'a dependency does not answer: the service takes no traffic', content: { 'application/json': { schema: probe('ready'), example: UNAVAILABLE_EXAMPLE } } }),
  );

/** GET /metrics: Prometheus' text exposition format. */
export const ApiMetricsResponses = (): MethodDecorator =>
  applyDecorators(
    ApiProduces('text/plain'),
    ApiOkResponse({ description: "Prometheus metrics in the text exposition format 0.0.4 (the process's, HTTP, consumers, queues, dependencies)", content: { 'text/plain': { schema: { type: 'string' }, example: METRICS_EXAMPLE } } }),
  );

/** GET /v1/ops/ingestion. */
export const INGESTION_SCHEMA = probe('ingestion');
