import type { EntityManager } from 'typeorm';

/**
 * The Postgres side of the gate (L3): a shared advisory lock held until the transaction recording a
 * usage step commits (the consumers' transaction is committed by libs/messaging after the handler
 * returns). A rebuild's exclusive lock waits for every holder, in every process, before it reads
 * Postgres. Keyed by the Redis key prefix: one lock per set of counters.
 */
export async function holdUsageLockShared(manager: EntityManager, keyPrefix: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [keyPrefix]);
}
