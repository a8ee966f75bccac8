import { randomInt } from 'node:crypto';

export const COUNTER_SHARDS = 16;

export interface CounterDeltas {
  readonly total?: number;
  readonly available?: number;
  readonly issued?: number;
  readonly redeemed?: number;
}

/** Anything that runs SQL: a TypeORM EntityManager or a pg client. */
export interface SqlRunner {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

/**
 * Adds to a group's balances in one of its counter shards, chosen at random, so concurrent issues do not
 * queue on one row (C6, C7). Run it last in the transaction: the shard's lock is held until commit.
 */
export async function addToGroupCounters(sql: SqlRunner, groupId: string, deltas: CounterDeltas): Promise<void> {
  await sql.query(
    `INSERT INTO code_group_counters AS c (group_id, shard, total_count, available_count, issued_count, redeemed_count) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (group_id, shard) DO UPDATE SET total_count = c.total_count + EXCLUDED.total_count, available_count = c.available_count + EXCLUDED.available_count,
       issued_count = c.issued_count + EXCLUDED.issued_count, redeemed_count = c.redeemed_count + EXCLUDED.redeemed_count`,
    [groupId, randomInt(COUNTER_SHARDS), deltas.total ?? 0, deltas.available ?? 0, deltas.issued ?? 0, deltas.redeemed ?? 0],
  );
}
