import { createHash } from 'node:crypto';
import type { CloudEvent, OutboundEventType } from '@promo/contracts';
import type { TraceHeaders } from '@promo/platform';
import type { Message } from 'kafkajs';
import { withTraceHeaders } from '../tracing/record-trace';
import { OUTBOUND_HEADERS, outboundEnvelope } from '../outbox/outbound-envelope';
import type { OutboundEvent } from '../outbox/outbox-writer';

/** The name space of derived event ids (a fixed random UUID, as RFC 9562 §5.5 asks of a custom one). */
const DERIVED_ID_NAMESPACE = Buffer.from('6f1d4c52a0e84b0f9d3e2b7c5a918e40', 'hex');

/**
 * The id of the `index`-th event a handler of `group` publishes for the input event `sourceEventId`: a UUID
 * version 5 (SHA-1 of the name space and the name), so a redelivered input gives its outputs the same ids.
 */
export function derivedEventId(group: string, sourceEventId: string, type: string, index: number): string {
  const hash = createHash('sha1').update(DERIVED_ID_NAMESPACE).update(`${group}\n${sourceEventId}\n${type}\n${index}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A record ready for the producer: its topic (the event type, as the outbox relay uses) and message. */
export interface DirectRecord {
  readonly topic: string;
  readonly message: Message;
}

/** The records of a publishing handler's events for one input event, each carrying `trace` (envelope and headers) when given. */
export function directRecords(
  events: readonly OutboundEvent<OutboundEventType>[],
  input: CloudEvent,
  options: { readonly group: string; readonly source: string; readonly now: Date; readonly trace?: TraceHeaders | undefined },
): DirectRecord[] {
  return events.map((event, index) => {
    const envelope = outboundEnvelope(event, { id: derivedEventId(options.group, input.id, event.type, index), source: options.source, time: options.now, trace: options.trace });
    return { topic: event.type, message: { key: event.key, value: JSON.stringify(envelope), headers: { ...withTraceHeaders(OUTBOUND_HEADERS, options.trace) } } };
  });
}
