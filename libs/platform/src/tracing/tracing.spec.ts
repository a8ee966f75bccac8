import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { commonEnvSchema } from '../config/common-env.schema';
import { InvalidEnvironmentError, parseEnv } from '../config/parse-env';
import { activeTraceHeaders, contextOf, isTraceparent, isTracingOn, platformTracer, startTracing, type Tracing } from './tracing';

// The W3C Trace Context specification's own example (§3.2.2.1 and §3.3.1.2).
const INCOMING = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const INCOMING_STATE = 'congo=t61rcWkgMzE';

describe('startTracing', () => {
  let tracing: Tracing | undefined;

  afterEach(async () => {
    await tracing?.shutdown();
    tracing = undefined;
  });

  it('registers no provider without OTEL_EXPORTER_OTLP_ENDPOINT: spans are the no-op ones', () => {
    tracing = startTracing('pricing', {});
    expect(tracing.isOn).toBe(false);
    expect(isTracingOn()).toBe(false);
    const span = platformTracer().startSpan('anything');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    // No context manager either: nothing is carried through async calls, and nothing is sent.
    context.with(trace.setSpan(ROOT_CONTEXT, span), () => expect(trace.getActiveSpan()).toBeUndefined());
    expect(activeTraceHeaders()).toBeUndefined();
  });

  it('passes an incoming traceparent and tracestate through unchanged while off', () => {
    tracing = startTracing('pricing', {});
    const parent = contextOf({ traceparent: INCOMING, tracestate: INCOMING_STATE });
    // What the no-op tracer makes of a remote parent: a span with the parent's own context, not a new one.
    const span = platformTracer().startSpan('process cart.updated', {}, parent);
    const forwarded: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), forwarded);
    expect(forwarded).toEqual({ traceparent: INCOMING, tracestate: INCOMING_STATE });
  });

  it('records spans under the incoming trace when a span processor is given, and stops when shut down', async () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing('pricing', { OTEL_SERVICE_NAME: 'pricing-eu' }, { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    expect(isTracingOn()).toBe(true);
    const span = platformTracer().startSpan('process cart.updated', {}, contextOf({ traceparent: INCOMING }));
    const headers = context.with(trace.setSpan(ROOT_CONTEXT, span), () => activeTraceHeaders());
    span.end();
    expect(headers?.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    expect(headers?.traceparent).not.toBe(INCOMING);
    const [finished] = exporter.getFinishedSpans();
    expect(finished?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(finished?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(finished?.resource.attributes['service.name']).toBe('pricing-eu');

    await tracing.shutdown();
    tracing = undefined;
    expect(isTracingOn()).toBe(false);
    expect(platformTracer().startSpan('after').isRecording()).toBe(false);
  });
});

describe('isTraceparent', () => {
  it.each([
    [INCOMING, true],
    ['00-00000000000000000000000000000000-b7ad6b7169203331-01', false],
    ['00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01', false],
    ['00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01', false],
    ['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331', false],
    ['not a trace', false],
  ])('%s is well-formed: %s', (value, expected) => {
    expect(isTraceparent(value)).toBe(expected);
  });
});

describe('tracing variables', () => {
  const schema = commonEnvSchema({ httpPort: 3001 });

  it('leaves tracing off when the endpoint is unset or empty', () => {
    expect(parseEnv(schema, {}).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(parseEnv(schema, { OTEL_EXPORTER_OTLP_ENDPOINT: '' }).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(parseEnv(schema, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
  });

  it('names an endpoint that is not an http(s) URL and an empty service name', () => {
    let caught: unknown;
    try {
      parseEnv(schema, { OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318', OTEL_SERVICE_NAME: ' ' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEnvironmentError);
    expect((caught as InvalidEnvironmentError).problems.map((p) => p.variable).sort()).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME']);
  });
});
