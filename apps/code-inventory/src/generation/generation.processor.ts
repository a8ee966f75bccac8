import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, createBullConnection, type RedisClient } from '@promo/platform';
import { type Job, Worker } from 'bullmq';
import type { CodeInventoryConfig } from '../config/env.schema';
import { GENERATION_QUEUE, type GenerationJobData, generationQueuePrefix } from './generation-queue';
import { GenerationRunner } from './generation-runner.service';

/** Thrown when shutdown interrupts a job: BullMQ retries it, and the next start resumes from `done`. */
class GenerationInterruptedError extends Error {
  constructor(jobId: string) {
    super(`generation ${jobId} interrupted by shutdown; it resumes on the next start`);
    this.name = 'GenerationInterruptedError';
  }
}

/**
 * The BullMQ worker of generation jobs, one at a time. After a crash the job's lock expires
 * (GENERATION_LOCK_MS) and the stalled-job check hands it to the next worker, which resumes it. A worker
 * that was only paused wakes up to find the job claimed by that run and stops (GenerationRunner, #18).
 */
@Injectable()
export class GenerationProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GenerationProcessor.name);
  private worker: Worker<GenerationJobData> | undefined;
  private connection: RedisClient | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CodeInventoryConfig,
    private readonly runner: GenerationRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createBullConnection(this.config);
    this.worker = new Worker<GenerationJobData>(GENERATION_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: generationQueuePrefix(this.config),
      concurrency: 1,
      lockDuration: this.config.GENERATION_LOCK_MS,
      stalledInterval: this.config.GENERATION_LOCK_MS,
      maxStalledCount: 1_000,
    });
    // A run that lost its lock (#18) cannot finish the job in BullMQ: noted here, not thrown at the console.
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'generation worker error'));
    this.worker.on('failed', (job, error) => {
      if (!(error instanceof GenerationInterruptedError)) this.logger.error({ err: error, jobId: job?.data.jobId }, 'generation attempt failed');
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.runner.stop();
    await this.worker?.close();
    await this.connection?.quit();
  }

  private async process(job: Job<GenerationJobData>): Promise<string> {
    const { jobId } = job.data;
    try {
      const outcome = await this.runner.run(jobId, (done, total) => job.updateProgress({ done, total }));
      if (outcome === 'interrupted') throw new GenerationInterruptedError(jobId);
      return outcome;
    } catch (error) {
      if (error instanceof GenerationInterruptedError) throw error;
      if (job.attemptsMade + 1 >= 3) await this.runner.fail(jobId, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}
