import { type OwnedWorker, startBullWorker } from '@promo/platform';
import { type LocalRedisCluster, startLocalRedisCluster, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { ABANDONED_CART_APP, ABANDONED_CART_QUEUE, AbandonedCartQueue, type DueJobData, dueJobId } from '../src/scheduling/abandoned-cart.queue';

/** Its own ports (the ledger's cluster test uses 17100, pricing's 17120). */
const CLUSTER_PORT = Number(process.env['TEST_CAMPAIGNS_REDIS_CLUSTER_PORT'] ?? 17110);

/**
 * Issue 20: campaigns' BullMQ queue on a Redis Cluster of 3 masters and 3 replicas. BullMQ's scripts touch
 * several keys of a queue at once; the hash-tagged prefix keeps them in one slot, so scheduling,
 * rescheduling, cancelling and firing work there (a CROSSSLOT reply fails the call and this test).
 */
describe('the abandoned-cart queue on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let queue: AbandonedCartQueue;
  let worker: OwnedWorker<DueJobData>;
  const fired: string[] = [];

  beforeAll(async () => {
    cluster = await startLocalRedisCluster(CLUSTER_PORT);
    const config = { REDIS_URL: 'redis://127.0.0.1:1', REDIS_CLUSTER_NODES: [...cluster.nodes], REDIS_KEY_PREFIX: `test-${uniqueSuffix()}:` };
    queue = new AbandonedCartQueue(config);
    worker = startBullWorker<DueJobData>(config, ABANDONED_CART_APP, ABANDONED_CART_QUEUE, async (job) => void fired.push(job.id ?? ''));
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await queue?.onApplicationShutdown();
    await cluster?.stop();
  }, 60_000);

  it('schedules, reschedules, cancels and fires due jobs', async () => {
    // Event time: a due time already passed fires at once; one in 2099 waits (by the wall clock BullMQ uses).
    const now = new Date('2026-11-20T10:00:00Z');
    const later = new Date('2099-01-01T00:00:00Z');
    const due = { campaignId: 'c1', cartId: 'due', step: 0 };
    const moved = { campaignId: 'c1', cartId: 'moved', step: 0 };
    const cancelled = { campaignId: 'c1', cartId: 'cancelled', step: 0 };

    await queue.schedule(due, now, now);
    await queue.schedule(moved, later, now);
    // Not due yet, so the running worker cannot take it before the cancel does.
    await queue.schedule(cancelled, later, now);
    await queue.cancel(cancelled);
    // A reschedule to a due time already passed fires it at once.
    await queue.schedule(moved, now, now);

    await waitFor(() => fired.length >= 2, { timeoutMs: 30_000, description: 'the two due jobs to fire' });
    expect([...fired].sort()).toEqual([dueJobId(due), dueJobId(moved)].sort());
    expect(await queue.queue.getJob(dueJobId(cancelled))).toBeUndefined();
    expect(await queue.queue.getDelayedCount()).toBe(0);
  }, 60_000);
});
