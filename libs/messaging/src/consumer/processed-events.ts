import type { EntityManager } from 'typeorm';
import type { BatchedEvent } from './event-handler';

/**
 * Marks a batch's event ids processed by `group` in one statement (#21) and tells, per event, whether it is
 * new: its id was not processed before and no earlier event of the batch carries it. Written in the batch's
 * transaction, so the rows commit with the effects of the new events or not at all.
 */
export async function markProcessed(manager: EntityManager, group: string, events: readonly BatchedEvent[], at: Date): Promise<boolean[]> {
  const inserted: { event_id: string }[] = await manager.query(
    `INSERT INTO processed_events (consumer_group, event_id, topic, partition, "offset", processed_at)
     SELECT $1, e.event_id, e.topic, e.partition, e."offset", $2
       FROM unnest($3::text[], $4::text[], $5::integer[], $6::bigint[]) WITH ORDINALITY AS e(event_id, topic, partition, "offset", n)
      ORDER BY e.n
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [
      group,
      at,
      events.map((e) => e.event.id),
      events.map((e) => e.position.topic),
      events.map((e) => e.position.partition),
      events.map((e) => e.position.offset),
    ],
  );
  const fresh = new Set(inserted.map((row) => row.event_id));
  // A duplicate inside the batch: the first of its id is the one applied, as one record at a time would.
  return events.map((e) => fresh.delete(e.event.id));
}
