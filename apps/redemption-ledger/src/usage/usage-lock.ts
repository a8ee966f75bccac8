import type { EntityManager } from 'typeorm';

/**
 * The Postgres side of the gate, for consumers whose transaction is committed by libs/messaging after
 * the handler returns: a shared advisory lock held until that commit, which a rebuild's exclusive lock
 * waits for (L3), across processes too. Keyed by the Redis key prefix: one lock per set of counters.
 */
export async function holdUsageLockShared(manager: EntityManager, keyPrefix: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [keyPrefix]);
}
