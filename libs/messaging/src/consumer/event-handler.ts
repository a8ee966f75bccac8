import type { CloudEvent, OutboundEventType } from '@promo/contracts';
import type { OutboundEvent } from '../outbox/outbox-writer';
import type { EntityManager } from 'typeorm';
import type { KnownEventType } from './event-data';

/** Where a record came from, for logs and the processed-events row. */
export interface RecordPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
}

export interface EventContext extends RecordPosition {
  /** The transaction the effect must be written in: the processed-event row commits with it, or neither does. */
  readonly manager: EntityManager;
}

/**
 * The handler of one event type: the type it reads, and the effect of one event. The topic is messaging's
 * to name (topics.ts: the type under the platform's one KAFKA_TOPIC_PREFIX); records of other types on it
 * are dead-lettered.
 */
export interface EventHandler {
  readonly eventType: KnownEventType;
  handle(event: CloudEvent, context: EventContext): Promise<void>;
}

/** One event of a batch, with where its record came from. */
export interface BatchedEvent {
  readonly event: CloudEvent;
  readonly position: RecordPosition;
}

export interface BatchContext {
  /** The transaction the batch's effects must be written in, with the processed-event rows of its events. */
  readonly manager: EntityManager;
}

/**
 * #21: a handler that applies many events of one partition at once, in their order (set-based SQL, pipelined
 * Redis calls). The consumer gives it only the events not processed before, in one transaction with their
 * processed-event rows. When it throws, the transaction rolls back and the same records are applied one at
 * a time through `handle` (retries, dead letters): `handleBatch` of one event must do what `handle` does.
 */
export interface BatchEventHandler extends EventHandler {
  handleBatch(events: readonly BatchedEvent[], context: BatchContext): Promise<void>;
}

/**
 * #21: a handler whose only effect is events computed from the input alone (pricing a cart): no database
 * transaction, no processed-event row, no outbox row. What it returns goes straight to Kafka through the
 * idempotent producer, each event with an id derived from the input event's id (direct-publish.ts), and
 * the input's offset is committed only once the broker has them. A crash in between publishes them again
 * under the same ids: at least once on the topic, once per id for a consumer that de-duplicates by id.
 */
export interface PublishingEventHandler {
  readonly eventType: KnownEventType;
  readonly delivery: 'direct';
  publish(event: CloudEvent, position: RecordPosition): Promise<readonly OutboundEvent<OutboundEventType>[]>;
}

/** Either kind of handler a consumer routes records to. */
export type AnyEventHandler = EventHandler | PublishingEventHandler;

export function isBatchHandler(handler: AnyEventHandler): handler is BatchEventHandler {
  return typeof (handler as Partial<BatchEventHandler>).handleBatch === 'function';
}

export function isPublishingHandler(handler: AnyEventHandler): handler is PublishingEventHandler {
  return 'delivery' in handler && handler.delivery === 'direct';
}

/** A failure that no retry can fix (a broken invariant in the data): dead-letter at once. */
export class UnrecoverableEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnrecoverableEventError';
  }
}
