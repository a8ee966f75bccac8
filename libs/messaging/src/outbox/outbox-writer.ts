import { randomUUID } from 'node:crypto';
import type { CloudEvent, OutboundEventData, OutboundEventType } from '@promo/contracts';
import { outboxTrace, withTraceHeaders } from '../tracing/record-trace';
import { OUTBOUND_HEADERS, outboundEnvelope } from './outbound-envelope';

/** The caller's transaction: a TypeORM EntityManager, or a raw `pg` client inside BEGIN … COMMIT. */
export interface OutboxTransaction {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

export interface OutboundEvent<TType extends OutboundEventType> {
  readonly type: TType;
  /** The record key (promotionId, cartId...): keeps one aggregate's events in order on one partition. */
  readonly key: string;
  readonly data: OutboundEventData[TType];
}

/**
 * Writes an event to the outbox inside the caller's transaction (STYLE.md "Events and state"): it is
 * published by the relay after the commit, and never if the transaction rolls back. The trace context goes into
 * the row with the event (envelope extension and record headers, #24): the active span's while tracing is on,
 * else the consumed record's own (carryTrace), so the relay publishes it, whenever it runs, under the context the
 * event was created in.
 */
export class OutboxWriter {
  constructor(
    private readonly source: string,
    private readonly now: () => Date,
  ) {}

  async enqueue<TType extends OutboundEventType>(manager: OutboxTransaction, event: OutboundEvent<TType>): Promise<CloudEvent<TType, OutboundEventData[TType]>> {
    const trace = outboxTrace(manager);
    const envelope = outboundEnvelope(event, { id: randomUUID(), source: this.source, time: this.now(), trace });
    await manager.query(`INSERT INTO outbox_messages (topic, key, headers, value, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      event.type,
      event.key,
      JSON.stringify(withTraceHeaders(OUTBOUND_HEADERS, trace)),
      JSON.stringify(envelope),
      this.now(),
    ]);
    return envelope;
  }

  /** enqueue() for many events in one statement (#21: a batch's effects), published in the order given. */
  async enqueueMany(manager: OutboxTransaction, events: readonly OutboundEvent<OutboundEventType>[]): Promise<void> {
    if (events.length === 0) return;
    const time = this.now();
    const trace = outboxTrace(manager);
    const envelopes = events.map((event) => outboundEnvelope(event, { id: randomUUID(), source: this.source, time, trace }));
    await manager.query(
      `INSERT INTO outbox_messages (topic, key, headers, value, created_at)
       SELECT e.topic, e.key, $1::jsonb, e.value, $2 FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e(topic, key, value, n) ORDER BY e.n`,
      [JSON.stringify(withTraceHeaders(OUTBOUND_HEADERS, trace)), time, events.map((e) => e.type), events.map((e) => e.key), envelopes.map((e) => JSON.stringify(e))],
    );
  }
}
