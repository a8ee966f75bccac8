import type { EntityManager } from 'typeorm';

/**
 * The Postgres side of a rebuild (L3), across every replica: a shared advisory lock held until the
 * transaction recording a usage step commits (the consumers' transaction is committed by libs/messaging
 * after the handler returns; reservations, releases and expiries take it in their own transaction). A
 * rebuild's exclusive lock (usage-rebuild.service.ts) waits for every holder, in every process, before it
 * reads Postgres, and makes a second rebuild wait for the first. Keyed by the Redis key prefix: one lock
 * per set of counters. Reservations take their Redis step before this lock; the fence in Redis
 * (lua/includes/check-fence.lua) covers them.
 */
export async function holdUsageLockShared(manager: EntityManager, keyPrefix: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [keyPrefix]);
}

/** The rebuild's side of holdUsageLockShared, until its transaction ends. */
export async function holdUsageLockExclusive(manager: EntityManager, keyPrefix: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [keyPrefix]);
}

/**
 * Serializes every transaction about one order (or one promotion's limits) across replicas until it
 * commits, also before the row exists: `SELECT … FOR UPDATE` locks nothing then, and `order.placed` and
 * `order.cancelled` of one order are on different topics, so two replicas may consume them at once.
 * Take it after holdUsageLockShared (always in that order, so a rebuild waiting for the shared lock
 * cannot deadlock with two holders). The 64-bit key is namespaced so it meets no other advisory lock.
 */
export async function holdEntityLock(manager: EntityManager, entity: 'order' | 'promotion', id: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`redemption-ledger:${entity}:${id}`]);
}

/**
 * holdEntityLock for many ids in one statement (#21: a batch of orders), in id order as holdEntityLock's
 * callers take them one by one, so two transactions never wait on each other in a cycle.
 */
export async function holdEntityLocks(manager: EntityManager, entity: 'order' | 'promotion', ids: readonly string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await manager.query(
    'SELECT pg_advisory_xact_lock(hashtextextended(k.name, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS k(name, n) ORDER BY k.n',
    [sorted.map((id) => `redemption-ledger:${entity}:${id}`)],
  );
}
