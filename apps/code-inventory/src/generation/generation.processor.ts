import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type OwnedWorker, startBullWorker } from '@promo/platform';
import { type Job, UnrecoverableError } from 'bullmq';
import type { CodeInventoryConfig } from '../config/env.schema';
import { GENERATION_APP, GENERATION_QUEUE, type GenerationJobData } from './generation-queue';
import { GenerationRunner } from './generation-runner.service';

/** A generation that throws this many times (shutdowns included) is marked failed and not retried. */
const FAILED_ATTEMPTS = 3;

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
  private owned: OwnedWorker<GenerationJobData> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CodeInventoryConfig,
    private readonly runner: GenerationRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.owned = startBullWorker<GenerationJobData>(this.config, GENERATION_APP, GENERATION_QUEUE, (job) => this.process(job), {
      concurrency: 1,
      lockDuration: this.config.GENERATION_LOCK_MS,
      stalledInterval: this.config.GENERATION_LOCK_MS,
      maxStalledCount: 1_000,
    });
    // A run that lost its lock (#18) cannot finish the job in BullMQ: noted here, not thrown at the console.
    this.owned.worker.on('error', (error) => this.logger.warn({ err: error }, 'generation worker error'));
    this.owned.worker.on('failed', (job, error) => {
      if (!(error instanceof GenerationInterruptedError)) this.logger.error({ err: error, jobId: job?.data.jobId }, 'generation attempt failed');
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.runner.stop();
    await this.owned?.close();
  }

  private async process(job: Job<GenerationJobData>): Promise<string> {
    const { jobId } = job.data;
    try {
      const outcome = await this.runner.run(jobId, (done, total) => job.updateProgress({ done, total }));
      if (outcome === 'interrupted') throw new GenerationInterruptedError(jobId);
      return outcome;
    } catch (error) {
      if (error instanceof GenerationInterruptedError) throw error;
      if (job.attemptsMade + 1 < FAILED_ATTEMPTS) throw error;
      // The job's many attempts are for shutdowns handing it back; a job that fails is failed for good, once.
      const reason = error instanceof Error ? error.message : String(error);
      await this.runner.fail(jobId, reason);
      throw new UnrecoverableError(reason);
    }
  }
}
