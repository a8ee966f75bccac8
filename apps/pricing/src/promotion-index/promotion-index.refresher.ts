import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, CoalescingRounds, PeriodicTask } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { applyEntryChanges } from './apply-entry-changes';
import type { IndexSnapshot } from './index-snapshot';
import { PromotionIndexHolder } from './promotion-index.holder';
import { PromotionIndexLoader, type StoreChanges, type StoreState } from './promotion-index.loader';

/** The fingerprint sum the store has once `changes` are applied to `store`, were they all it changed. */
function sumAfter(store: StoreState, changes: StoreChanges['changes']): string {
  let sum = BigInt(store.fingerprint.sum);
  for (const change of changes) sum += BigInt(change.changeSeq) - BigInt(store.changeSeqs.get(change.id) ?? 0);
  return sum.toString();
}

/**
 * Keeps this replica's index current: builds it at boot, updates it when a change event arrives (coalesced:
 * one refresh in flight, at most one queued), and polls a cheap fingerprint as a safety net for settings
 * changes and anything an event could not say.
 *
 * An update reads only the promotion rows changed since the index's version and applies them to the index
 * without compiling the rest again (#21). It is checked against the store's fingerprint read with it: when the
 * sum of change sequences is not what those rows explain (a change committed out of sequence order, a row
 * removed from the table) or the settings changed, the whole store is read and compiled again instead. Every
 * replica so holds the index of one state of the store, and `indexVersion` names it (its highest change sequence).
 */
@Injectable()
export class PromotionIndexRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('promotion-index');
  private readonly rounds = new CoalescingRounds(() => this.refresh(), (error) => this.logger.warn({ err: error }, 'promotion index refresh failed'));
  private readonly poller: PeriodicTask;
  private readonly isIncremental: boolean;
  /** What the store held at the snapshot this refresher last built (undefined until the first full build). */
  private built: { snapshot: IndexSnapshot; store: StoreState } | undefined;

  constructor(
    private readonly loader: PromotionIndexLoader,
    private readonly holder: PromotionIndexHolder,
    @Inject(APP_CONFIG) config: PricingConfig,
  ) {
    this.poller = new PeriodicTask(config.PRICING_INDEX_POLL_MS, () => this.poll());
    this.isIncremental = config.PRICING_INDEX_UPDATES === 'incremental';
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.requestRefresh();
    this.poller.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    await this.rounds.stop();
  }

  /** Resolves once a refresh that started after this call has finished (refreshes never overlap; a burst costs one more). */
  requestRefresh(): Promise<void> {
    return this.rounds.request();
  }

  private async refresh(): Promise<void> {
    try {
      if (!this.isIncremental || !(await this.update())) await this.reload();
    } catch (error) {
      // The previous snapshot keeps serving; the next event or poll tries again.
      this.logger.warn({ err: error }, 'promotion index refresh failed');
    }
  }

  /** Applies the rows changed since the last build; false when only a full build can tell the store's state. */
  private async update(): Promise<boolean> {
    const built = this.built;
    if (built === undefined) return false;
    const read = await this.loader.changesSince(built.snapshot.version);
    if (read.settingsChangeSeq !== built.store.settingsChangeSeq || sumAfter(built.store, read.changes) !== read.fingerprint.sum) return false;
    if (read.changes.length === 0) return true;
    const snapshot = applyEntryChanges(built.snapshot, read.changes, read.fingerprint.version);
    // The sequences are this refresher's alone (refreshes run one at a time): updated in place, not copied.
    const { changeSeqs } = built.store;
    for (const change of read.changes) changeSeqs.set(change.id, change.changeSeq);
    this.built = { snapshot, store: { fingerprint: read.fingerprint, settingsChangeSeq: read.settingsChangeSeq, changeSeqs } };
    if (this.holder.swap(snapshot)) this.logger.log({ version: snapshot.version, promotions: snapshot.index.size, changed: read.changes.length }, 'promotion index updated');
    return true;
  }

  private async reload(): Promise<void> {
    const { snapshot, store } = await this.loader.load();
    this.built = { snapshot, store };
    if (this.holder.swap(snapshot)) {
      this.logger.log({ version: snapshot.version, promotions: snapshot.index.size, refused: snapshot.index.refused.length }, 'promotion index swapped');
    }
  }

  private async poll(): Promise<void> {
    try {
      const fingerprint = await this.loader.fingerprint();
      if (this.built === undefined || fingerprint.sum !== this.built.store.fingerprint.sum) await this.requestRefresh();
    } catch (error) {
      this.logger.warn({ err: error }, 'promotion index poll failed');
    }
  }
}
