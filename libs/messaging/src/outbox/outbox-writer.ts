import { randomUUID } from 'node:crypto';
import { type CloudEvent, OUTBOUND_EVENT_VERSIONS, type OutboundEventData, type OutboundEventType, outboundDataschema, validateData } from '@promo/contracts';

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
 * published by the relay after the commit, and never if the transaction rolls back.
 */
export class OutboxWriter {
  constructor(
    private readonly source: string,
    private readonly now: () => Date,
  ) {}

  async enqueue<TType extends OutboundEventType>(manager: OutboxTransaction, event: OutboundEvent<TType>): Promise<CloudEvent<TType, OutboundEventData[TType]>> {
    const errors = validateData(event.type, event.data);
    if (errors === undefined || errors.length > 0) {
      throw new Error(`outbound ${event.type} does not match its schema: ${JSON.stringify(errors)}`);
    }
    const envelope: CloudEvent<TType, OutboundEventData[TType]> = {
      specversion: '1.0',
      id: randomUUID(),
      source: this.source,
      type: event.type,
      time: this.now().toISOString(),
      datacontenttype: 'application/json',
      dataschema: outboundDataschema(event.type, OUTBOUND_EVENT_VERSIONS[event.type]),
      subject: event.key,
      data: event.data,
    };
    await manager.query(`INSERT INTO outbox_messages (topic, key, headers, value, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      event.type,
      event.key,
      JSON.stringify({ 'content-type': 'application/cloudevents+json' }),
      JSON.stringify(envelope),
      this.now(),
    ]);
    return envelope;
  }
}
