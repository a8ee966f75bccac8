import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '../clock/clock';

/** What the metrics need of a BullMQ Queue (kept structural: this library does not depend on BullMQ). */
export interface ObservedQueue {
  readonly name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  getWaiting(start?: number, end?: number): Promise<readonly ({ readonly timestamp: number } | undefined)[]>;
}

const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;

/**
 * `bullmq_queue_jobs{queue,state}` and `bullmq_queue_oldest_waiting_seconds{queue}` (X4), read from Redis
 * at scrape time. An app calls this once, with all its queues (e.g. in its module's onModuleInit).
 */
export function registerQueueMetrics(registry: Registry, queues: readonly ObservedQueue[], clock: Clock): void {
  if (registry.getSingleMetric('bullmq_queue_jobs')) throw new Error('registerQueueMetrics: call it once per app, with all its queues');
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'BullMQ jobs per queue and state (waiting, prioritized, delayed, active, failed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  new Gauge({
    name: 'bullmq_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job per queue (0 when none waits)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      await Promise.all(
        queues.map(async (queue) => {
          const [first] = await queue.getWaiting(0, 0);
          this.set({ queue: queue.name }, first ? Math.max(0, (clock.now().getTime() - first.timestamp) / 1_000) : 0);
        }),
      );
    },
  });
}
