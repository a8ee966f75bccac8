import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, openBullQueue, type OwnedQueue } from '@promo/platform';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { CodeInventoryConfig } from '../config/env.schema';
import { GENERATION_APP, GENERATION_QUEUE, type GenerationJobData } from './generation-queue';

/** The BullMQ queue of generation jobs; the job id is the generation job's id, so adding twice is a no-op. */
@Injectable()
export class GenerationQueueService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly owned: OwnedQueue<GenerationJobData>;
  /** Read by the queue metrics (generation-queue.metrics.ts). */
  readonly queue: Queue<GenerationJobData>;

  constructor(
    @Inject(APP_CONFIG) config: CodeInventoryConfig,
    private readonly dataSource: DataSource,
  ) {
    this.owned = openBullQueue<GenerationJobData>(config, GENERATION_APP, GENERATION_QUEUE);
    this.queue = this.owned.queue;
  }

  async enqueue(jobId: string): Promise<void> {
    // Many attempts: a shutdown hands the job back as a failed attempt so the next start resumes it.
    await this.queue.add('generate', { jobId }, { jobId, attempts: 1_000, backoff: { type: 'fixed', delay: 500 }, removeOnComplete: 1_000, removeOnFail: 1_000 });
  }

  /** Jobs the database says are unfinished are put back on the queue (a no-op while BullMQ still holds them). */
  async onApplicationBootstrap(): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM generation_jobs WHERE state IN ('queued', 'running')`);
    for (const row of rows) await this.enqueue(row.id);
  }

  async onModuleDestroy(): Promise<void> {
    await this.owned.close();
  }
}
