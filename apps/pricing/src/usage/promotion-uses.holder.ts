import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, PeriodicTask } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { PricingConfig } from '../config/env.schema';
import { isBudgetedAutomatic } from '../promotion-index/index-snapshot';
import { PromotionIndexHolder } from '../promotion-index/promotion-index.holder';
import { UsageRepository } from './usage.repository';

/**
 * The uses of this replica's automatic promotions that have a total limit (L1), and the discount given by those with
 * a budget (#23, rule 19), re-read from the projection
 * every PRICING_USAGE_REFRESH_MS: pricing says `limit_reached` for a spent one without a query per cart (P11).
 * Read by every replica alike, whichever of them consumed the redemption; at most one interval behind, which
 * the ledger's reservation at checkout covers (it stays the authority).
 */
@Injectable()
export class PromotionUsesHolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('promotion-uses');
  private uses: ReadonlyMap<string, number> = new Map();
  private spent: ReadonlyMap<string, number> = new Map();
  private readonly refresher: PeriodicTask;
  private isFailing = false;

  constructor(
    private readonly holder: PromotionIndexHolder,
    private readonly usage: UsageRepository,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: PricingConfig,
  ) {
    this.refresher = new PeriodicTask(config.PRICING_USAGE_REFRESH_MS, () => this.refresh());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.refresher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.refresher.stop();
  }

  /** Uses recorded for a promotion at the last refresh. */
  usesOf(promotionId: string): number {
    return this.uses.get(promotionId) ?? 0;
  }

  /** #23: minor units of discount a budgeted automatic promotion had given at the last refresh. */
  spentOf(promotionId: string): number {
    return this.spent.get(promotionId) ?? 0;
  }

  /** Reads the uses now (tests; the timer does it every interval). */
  async refresh(): Promise<void> {
    const snapshot = this.holder.current();
    const limited = [...(snapshot?.totalLimitedAutomatics ?? []), ...(snapshot?.entries.filter(isBudgetedAutomatic) ?? [])];
    if (limited.length === 0) {
      this.uses = new Map();
      this.spent = new Map();
      return;
    }
    try {
      const counts = await this.usage.read(this.dataSource.manager, [...new Set(limited.map((entry) => entry.id))], [], null);
      this.uses = counts.promotionUses;
      this.spent = counts.promotionSpent ?? new Map();
      if (this.isFailing) this.logger.log('promotion uses readable again');
      this.isFailing = false;
    } catch (error) {
      // The last figures stay in force; the ledger still refuses an overrun at checkout.
      if (!this.isFailing) this.logger.warn({ err: error }, 'cannot read promotion uses; keeping the last figures');
      this.isFailing = true;
    }
  }
}
