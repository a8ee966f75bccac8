import type { CodesAddedData } from '@promo/contracts';
import type { OutboxTransaction, OutboxWriter } from '@promo/messaging';

/**
 * At most this many codes per `code-inventory.codes-added` event: about 30 KB, so the outbox relay's
 * batch of 500 rows stays small in memory and many events fit one Kafka request.
 */
export const CODES_PER_EVENT = 1_000;

export type CodesAddedOrigin = Pick<CodesAddedData, 'promotionId' | 'groupId' | 'origin'> & { readonly jobId?: string };

/**
 * #7: bulk generation and upload announce the codes they insert in the transaction that inserts them,
 * one event per CODES_PER_EVENT codes (a per-code event would be 10 million outbox rows for one job).
 * Keyed by group id, so one group's chunks stay in order.
 */
export async function enqueueCodesAdded(outbox: OutboxWriter, transaction: OutboxTransaction, origin: CodesAddedOrigin, codes: readonly string[], at: Date): Promise<void> {
  for (let start = 0; start < codes.length; start += CODES_PER_EVENT) {
    const chunk = codes.slice(start, start + CODES_PER_EVENT);
    await outbox.enqueue(transaction, { type: 'code-inventory.codes-added', key: origin.groupId, data: { ...origin, count: chunk.length, codes: chunk, addedAt: at.toISOString() } });
  }
}
