import { type Context, context, propagation, ROOT_CONTEXT, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** The tracing variables of the common env schema. */
export interface TracingEnv {
  /** OTLP/HTTP base URL (`http://collector:4318`): spans go to `<url>/v1/traces`. Unset: tracing is off. */
  readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  /** The `service.name` of every span; the service's own name when unset. */
  readonly OTEL_SERVICE_NAME?: string | undefined;
}

/** W3C trace context as it travels in HTTP and Kafka headers and in a CloudEvent's distributed-tracing extension. */
export interface TraceHeaders {
  readonly traceparent: string;
  readonly tracestate?: string;
}

export interface Tracing {
  readonly isOn: boolean;
  /** Exports the spans still buffered and unregisters the provider (the API falls back to its no-op tracer). */
  shutdown(): Promise<void>;
}

/** The instrumentation scope of every span we start. */
const TRACER_NAME = 'promotions-platform';

/** version-traceid-parentid-flags, neither id all zeros (W3C Trace Context §3.2). */
const TRACEPARENT = /^[\da-f]{2}-(?!0{32})[\da-f]{32}-(?!0{16})[\da-f]{16}-[\da-f]{2}$/;

/**
 * Whether a provider is registered. The OpenTelemetry API is global to the process, and so is this: it lets the
 * hot paths (each record, each request) skip every tracing call, and so every allocation, when tracing is off.
 */
let isOn = false;

export function isTracingOn(): boolean {
  return isOn;
}

/**
 * Turns tracing on when OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test gives span processors of its own): a
 * NodeTracerProvider with an AsyncLocalStorage context manager, batched OTLP/HTTP export and the W3C
 * propagator. Otherwise only the W3C propagator is registered: no provider, so the API's tracer is the no-op
 * one, and no context manager, so no per-promise cost. Instrumentation is explicit (HTTP interceptor, Kafka
 * consumer, outbox, code-inventory client), so the call order against Nest and kafkajs does not matter; each
 * service calls it at the start of bootstrapService.
 */
export function startTracing(service: string, env: TracingEnv, options: { readonly spanProcessors?: readonly SpanProcessor[] } = {}): Tracing {
  const propagator = new W3CTraceContextPropagator();
  propagation.setGlobalPropagator(propagator);
  const processors = [...(options.spanProcessors ?? [])];
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (endpoint !== undefined && endpoint !== '') processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` })));
  if (processors.length === 0) {
    return { isOn: false, shutdown: async () => propagation.disable() };
  }
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }), spanProcessors: processors });
  provider.register({ propagator });
  isOn = true;
  return {
    isOn: true,
    shutdown: async () => {
      isOn = false;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** The tracer of every span we start (the API's no-op tracer while tracing is off). */
export function platformTracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** Whether `value` is a well-formed W3C traceparent (an ill-formed one is neither followed nor forwarded). */
export function isTraceparent(value: string): boolean {
  return value.length === 55 && TRACEPARENT.test(value);
}

/** The trace headers of the active span: what an outgoing request or event carries. undefined while tracing is off or outside a span. */
export function activeTraceHeaders(): TraceHeaders | undefined {
  if (!isOn) return undefined;
  return traceHeadersOf(context.active());
}

/** The trace headers of a context (its span's). */
export function traceHeadersOf(ctx: Context): TraceHeaders | undefined {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  propagation.inject(ctx, carrier);
  if (carrier.traceparent === undefined) return undefined;
  return carrier.tracestate === undefined || carrier.tracestate === '' ? { traceparent: carrier.traceparent } : { traceparent: carrier.traceparent, tracestate: carrier.tracestate };
}

/** The context whose remote parent is the span in `headers` (the root context when there is none). */
export function contextOf(headers: TraceHeaders | undefined): Context {
  if (headers === undefined) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, headers);
}
