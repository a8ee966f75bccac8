import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, openBullQueue, type OwnedQueue } from '@promo/platform';
import type { Queue } from 'bullmq';
import type { CampaignsConfig } from '../config/env.schema';

export const ABANDONED_CART_QUEUE = 'abandoned-cart';

export interface DueJobData {
  readonly campaignId: string;
  readonly cartId: string;
  readonly step: number;
}

/** The app part of the queue's BullMQ prefix. */
export const ABANDONED_CART_APP = 'campaigns';

/** One delayed job per (campaign, cart, step); BullMQ refuses `:` in custom ids. */
export function dueJobId(job: DueJobData): string {
  return `${job.campaignId}|${job.cartId}|${job.step}`;
}

/**
 * The abandoned-cart timer (K1): a delayed job per (campaign, cart, step) whose absolute due time is
 * the email's due time (`timestamp` + `delay`), so a replay of past events fires at once and a live
 * cart fires when it is due. The job only wakes the decider; the decision itself waits for the K4
 * watermark and is made from Postgres, so a lost or duplicated timer changes no outcome.
 */
@Injectable()
export class AbandonedCartQueue implements OnApplicationShutdown {
  private readonly owned: OwnedQueue<DueJobData>;
  readonly queue: Queue<DueJobData>;

  constructor(@Inject(APP_CONFIG) config: Pick<CampaignsConfig, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_KEY_PREFIX'>) {
    this.owned = openBullQueue<DueJobData>(config, ABANDONED_CART_APP, ABANDONED_CART_QUEUE);
    this.queue = this.owned.queue;
  }

  /** (Re)schedules the job to fire at `dueAt` (event time); `now` is the injected clock's. */
  async schedule(job: DueJobData, dueAt: Date, now: Date): Promise<void> {
    await this.cancel(job);
    await this.addMany([{ job, dueAt }], now);
  }

  /**
   * #21: adds the jobs in one round (BullMQ addBulk); each keeps its deterministic id, so a job whose id is
   * already queued (added by another replica, or not yet cancelled) is not added twice. Cancel first to move one.
   */
  async addMany(jobs: readonly { readonly job: DueJobData; readonly dueAt: Date }[], now: Date): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map(({ job, dueAt }) => {
        const timestamp = Math.min(now.getTime(), dueAt.getTime());
        return { name: 'due', data: job, opts: { jobId: dueJobId(job), timestamp, delay: dueAt.getTime() - timestamp, removeOnComplete: true, removeOnFail: 1000 } };
      }),
    );
  }

  async cancel(job: DueJobData): Promise<void> {
    await this.cancelMany([job]);
  }

  /** Removes the jobs, their calls sent together (pipelined on the queue's connection). */
  async cancelMany(jobs: readonly DueJobData[]): Promise<void> {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await this.queue.remove(dueJobId(job));
        } catch (error) {
          // A job being processed is locked and cannot be removed; it only wakes the decider, which reads the new due time from Postgres.
          if (!(error instanceof Error) || !/locked/i.test(error.message)) throw error;
        }
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.owned.close();
  }
}
