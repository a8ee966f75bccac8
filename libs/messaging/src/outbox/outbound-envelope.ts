import { type CloudEvent, OUTBOUND_EVENT_VERSIONS, type OutboundEventData, type OutboundEventType, outboundDataschema, validateData } from '@promo/contracts';
import type { TraceHeaders } from '@promo/platform';
import type { OutboundEvent } from './outbox-writer';

/**
 * The CloudEvent envelope of one of our outbound events, its data checked against the event's schema first
 * (an event that does not match is a bug: it throws). Used by the outbox and by direct publishing alike. With a
 * trace, the envelope carries it as the CloudEvents distributed-tracing extension (`traceparent`, `tracestate`).
 */
export function outboundEnvelope<TType extends OutboundEventType>(
  event: OutboundEvent<TType>,
  envelope: { readonly id: string; readonly source: string; readonly time: Date; readonly trace?: TraceHeaders | undefined },
): CloudEvent<TType, OutboundEventData[TType]> {
  const errors = validateData(event.type, event.data);
  if (errors === undefined || errors.length > 0) {
    throw new Error(`outbound ${event.type} does not match its schema: ${JSON.stringify(errors)}`);
  }
  return {
    specversion: '1.0',
    id: envelope.id,
    source: envelope.source,
    type: event.type,
    time: envelope.time.toISOString(),
    datacontenttype: 'application/json',
    dataschema: outboundDataschema(event.type, OUTBOUND_EVENT_VERSIONS[event.type]),
    subject: event.key,
    ...envelope.trace,
    data: event.data,
  };
}

/** Headers of every outbound record. */
export const OUTBOUND_HEADERS = { 'content-type': 'application/cloudevents+json' } as const;
