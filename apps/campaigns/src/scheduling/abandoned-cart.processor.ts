import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type OwnedWorker, startBullWorker } from '@promo/platform';
import type { CampaignsConfig } from '../config/env.schema';
import { DecisionService } from '../decisions/decision.service';
import { ABANDONED_CART_APP, ABANDONED_CART_QUEUE, type DueJobData } from './abandoned-cart.queue';

/**
 * A due abandoned-cart job wakes the decider. The job does not decide on its own: the decision waits
 * for the K4 watermark and follows due-time order, so a job that fires early is simply held (its
 * schedule row stays pending) until order.placed consumption moves the watermark past its due time.
 */
@Injectable()
export class AbandonedCartProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private owned: OwnedWorker<DueJobData> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    private readonly decisions: DecisionService,
  ) {}

  onApplicationBootstrap(): void {
    this.owned = startBullWorker<DueJobData>(
      this.config,
      ABANDONED_CART_APP,
      ABANDONED_CART_QUEUE,
      async () => {
        this.decisions.kick();
      },
      { concurrency: 4 },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.owned?.close();
  }
}
