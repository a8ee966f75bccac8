import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, PeriodicTask } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { PromotionIndexHolder } from './promotion-index.holder';
import { PromotionIndexLoader, type StoreFingerprint } from './promotion-index.loader';

/**
 * Keeps this replica's index current: builds it at boot, rebuilds it when a change event arrives (coalesced:
 * one rebuild in flight, at most one queued), and polls a cheap fingerprint as a safety net for settings
 * changes and anything an event could not say.
 */
@Injectable()
export class PromotionIndexRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('promotion-index');
  private inFlight: Promise<void> | undefined;
  private isQueued = false;
  private readonly poller: PeriodicTask;
  private lastFingerprint: StoreFingerprint | undefined;

  constructor(
    private readonly loader: PromotionIndexLoader,
    private readonly holder: PromotionIndexHolder,
    @Inject(APP_CONFIG) config: PricingConfig,
  ) {
    this.poller = new PeriodicTask(config.PRICING_INDEX_POLL_MS, () => this.poll());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.requestReload();
    this.poller.start();
  }

  onApplicationShutdown(): void {
    this.poller.stop();
  }

  /** Resolves once a rebuild that started after this call has finished. */
  requestReload(): Promise<void> {
    if (this.inFlight !== undefined) {
      this.isQueued = true;
      return this.inFlight.then(() => this.inFlight ?? Promise.resolve());
    }
    this.inFlight = this.reload().finally(() => {
      this.inFlight = undefined;
      if (this.isQueued) {
        this.isQueued = false;
        void this.requestReload();
      }
    });
    return this.inFlight;
  }

  private async reload(): Promise<void> {
    try {
      const { snapshot, fingerprint } = await this.loader.load();
      this.lastFingerprint = fingerprint;
      if (this.holder.swap(snapshot)) {
        this.logger.log({ version: snapshot.version, promotions: snapshot.index.size, refused: snapshot.index.refused.length }, 'promotion index swapped');
      }
    } catch (error) {
      // The previous snapshot keeps serving; the next event or poll tries again.
      this.logger.warn({ err: error }, 'promotion index rebuild failed');
    }
  }

  private async poll(): Promise<void> {
    try {
      const fingerprint = await this.loader.fingerprint();
      if (this.lastFingerprint === undefined || fingerprint.sum !== this.lastFingerprint.sum) await this.requestReload();
    } catch (error) {
      this.logger.warn({ err: error }, 'promotion index poll failed');
    }
  }
}
