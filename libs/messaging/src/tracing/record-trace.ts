import { type Attributes, type Context, type Link, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { CloudEvent } from '@promo/contracts';
import { activeTraceHeaders, contextOf, isTraceparent, isTracingOn, platformTracer, type TraceHeaders } from '@promo/platform';
import type { IHeaders } from 'kafkajs';
import { EntityManager } from 'typeorm';
import type { RecordPosition } from '../consumer/event-handler';

/**
 * How a trace travels on Kafka (#24). Our records are CloudEvents in structured mode (the envelope is the record
 * value, `content-type: application/cloudevents+json`), so the CloudEvents distributed-tracing extension is two
 * envelope attributes, `traceparent` and `tracestate`: the context the event was created in. The record also
 * carries them as plain `traceparent` / `tracestate` headers (W3C names, as OpenTelemetry's Kafka
 * instrumentations read them), so tools that never parse the value can follow it. A consumer follows the
 * header first, then the envelope (an upstream producer may set only one of the two).
 */
export const TRACE_HEADERS = { traceparent: 'traceparent', tracestate: 'tracestate' } as const;

function headerText(value: IHeaders[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('latin1');
}

/** The trace a record arrived with (header, else envelope); undefined when it has none or an ill-formed one. */
export function incomingTrace(headers: IHeaders | undefined, event: CloudEvent): TraceHeaders | undefined {
  const fromHeader = headers === undefined ? undefined : headerText(headers[TRACE_HEADERS.traceparent]);
  if (fromHeader !== undefined) {
    if (!isTraceparent(fromHeader)) return undefined;
    const state = headerText(headers?.[TRACE_HEADERS.tracestate]);
    return state === undefined || state === '' ? { traceparent: fromHeader } : { traceparent: fromHeader, tracestate: state };
  }
  const fromEnvelope = event.traceparent;
  if (typeof fromEnvelope !== 'string' || !isTraceparent(fromEnvelope)) return undefined;
  return typeof event.tracestate === 'string' && event.tracestate !== '' ? { traceparent: fromEnvelope, tracestate: event.tracestate } : { traceparent: fromEnvelope };
}

/**
 * The trace the events a record causes directly carry: the active span's (the record's consumer span) while
 * tracing is on; the record's own, unchanged, while it is off, so a trace crosses a service that does not trace.
 */
export function outgoingTrace(headers: IHeaders | undefined, event: CloudEvent): TraceHeaders | undefined {
  return isTracingOn() ? activeTraceHeaders() : incomingTrace(headers, event);
}

/**
 * Where the consumer leaves a record's trace for the outbox while tracing is off (no context manager carries it):
 * the transaction's own user-data bag, TypeORM's QueryRunner.data, new for each transaction. Events a record's
 * handler writes to the outbox then carry the record's trace unchanged, as directly published ones do.
 */
const CARRIED_TRACE = 'promo.traceHeaders';

/** Leaves `headers` with the consumer's transaction (tracing off). */
export function carryTrace(manager: EntityManager, headers: TraceHeaders | undefined): void {
  if (headers !== undefined && manager.queryRunner) manager.queryRunner.data[CARRIED_TRACE] = headers;
}

/** The trace a consumer left with this transaction (carryTrace); undefined for any other transaction. */
export function carriedTrace(transaction: object): TraceHeaders | undefined {
  if (!(transaction instanceof EntityManager)) return undefined;
  const carried: unknown = transaction.queryRunner?.data[CARRIED_TRACE];
  return typeof carried === 'object' && carried !== null && 'traceparent' in carried && typeof carried.traceparent === 'string' ? (carried as TraceHeaders) : undefined;
}

/** The trace of an event written to the outbox in `transaction`: the active span's while tracing is on, else what the consumer left there. */
export function outboxTrace(transaction: object): TraceHeaders | undefined {
  return isTracingOn() ? activeTraceHeaders() : carriedTrace(transaction);
}

/** The record headers of an event with this trace (`headers` itself when there is none). */
export function withTraceHeaders(headers: Readonly<Record<string, string>>, traceHeaders: TraceHeaders | undefined): Readonly<Record<string, string>> {
  return traceHeaders === undefined ? headers : { ...headers, ...traceHeaders };
}

function recordAttributes(position: RecordPosition, group: string): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': position.topic,
    'messaging.destination.partition.id': String(position.partition),
    'messaging.kafka.offset': Number(position.offset),
    'messaging.consumer.group.name': group,
  };
}

/** A CONSUMER span for one record, child of the producer's context, and the context to run its handler in. */
export function startRecordSpan(incoming: TraceHeaders | undefined, event: CloudEvent, position: RecordPosition, group: string): { readonly span: Span; readonly context: Context } {
  const parent = contextOf(incoming);
  const span = platformTracer().startSpan(`process ${position.topic}`, { kind: SpanKind.CONSUMER, attributes: { ...recordAttributes(position, group), 'messaging.message.id': event.id, 'cloudevents.event_type': event.type } }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * A CONSUMER span for a run of records handled in one transaction (#21). One record: its child, as startRecordSpan.
 * Several: a new trace linked to each record's context (OpenTelemetry's messaging conventions for batches), since
 * the run has no single parent; what the run publishes continues this span's trace.
 */
export function startRunSpan(records: readonly { readonly incoming: TraceHeaders | undefined; readonly event: CloudEvent; readonly position: RecordPosition }[], group: string): { readonly span: Span; readonly context: Context } {
  const [first] = records;
  if (first === undefined) throw new Error('a run has at least one record');
  if (records.length === 1) return startRecordSpan(first.incoming, first.event, first.position, group);
  const links: Link[] = records.flatMap(({ incoming }) => {
    const linked = incoming === undefined ? undefined : trace.getSpanContext(contextOf(incoming));
    return linked === undefined ? [] : [{ context: linked }];
  });
  const span = platformTracer().startSpan(`process ${first.position.topic}`, { kind: SpanKind.CONSUMER, links, attributes: { ...recordAttributes(first.position, group), 'messaging.batch.message_count': records.length } }, ROOT_CONTEXT);
  return { span, context: trace.setSpan(ROOT_CONTEXT, span) };
}

/** Ends a record's span, marked failed when the record was dead-lettered. */
export function endRecordSpan(span: Span, failure: string | undefined): void {
  if (failure !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
  span.end();
}
