import type { CodesAddedData } from '@promo/contracts';
import type { OutboxWriter } from '@promo/messaging';
import type { PoolClient } from 'pg';

/**
 * At most this many codes per `code-inventory.codes-added` event: about 14 KB, so the outbox relay's
 * batch of 500 rows stays small in memory (the generation's RSS budget) and many events fit one Kafka request.
 */
export const CODES_PER_EVENT = 500;

export type CodesAddedOrigin = Pick<CodesAddedData, 'promotionId' | 'groupId' | 'origin'> & { readonly jobId?: string };

/**
 * #7: bulk generation and upload announce the codes they insert in the transaction that inserts them,
 * one event per CODES_PER_EVENT codes (a per-code event would be 10 million outbox rows for one job).
 * Keyed by group id, so one group's chunks stay in order. The codes are read through a cursor over
 * `codesQuery` (one column, the code), so memory stays flat whatever the batch's size.
 */
export async function enqueueCodesAdded(outbox: OutboxWriter, client: PoolClient, origin: CodesAddedOrigin, codesQuery: string, at: Date): Promise<void> {
  await client.query(`DECLARE codes_added NO SCROLL CURSOR FOR ${codesQuery}`);
  for (;;) {
    const { rows } = await client.query<[string]>({ text: `FETCH ${CODES_PER_EVENT} FROM codes_added`, rowMode: 'array' });
    if (rows.length === 0) break;
    const codes = rows.map((row) => row[0]);
    await outbox.enqueue(client, { type: 'code-inventory.codes-added', key: origin.groupId, data: { ...origin, count: codes.length, codes, addedAt: at.toISOString() } });
  }
  await client.query(`CLOSE codes_added`);
}
