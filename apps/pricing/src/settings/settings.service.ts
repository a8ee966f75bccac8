import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock, ConflictError, ValidationFailedError } from '@promo/platform';
import { parseSettings } from '@promo/pricing-engine';
import { DataSource } from 'typeorm';
import { PromotionIndexRefresher } from '../promotion-index/promotion-index.refresher';
import { PromotionsRepository } from '../promotions/promotions.repository';
import { parsePromotionDraft, columnsOf } from '../promotions/promotion-draft';
import { promotionChanged } from '../promotions/promotion-view';
import { SettingsRepository, type StoredSettings } from './settings.repository';
import { parseStoreLocale } from './store-locale';

/** Store promotion settings (P9): time zone, max codes per order, calculation mode, which lines qualify; and the display locale. */
@Injectable()
export class SettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly promotions: PromotionsRepository,
    private readonly refresher: PromotionIndexRefresher,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(): Promise<StoredSettings> {
    return this.settings.read(this.dataSource.manager);
  }

  /**
   * Replaces the settings (missing fields take their defaults). A new store time zone moves the start and end
   * instants of every schedule that names no zone of its own (P5), each a new version of its promotion announced
   * in `pricing.promotion-changed`. Replicas pick the change up by polling.
   */
  async put(body: unknown, expectedVersion: number | null): Promise<StoredSettings> {
    const parsed = parseSettings(body ?? {});
    const locale = parseStoreLocale(typeof body === 'object' && body !== null && 'locale' in body ? body.locale : undefined);
    const errors = [...(parsed.ok ? [] : parsed.errors), ...(locale.ok ? [] : [locale.error])];
    if (!parsed.ok || !locale.ok) throw new ValidationFailedError(errors);
    const now = this.clock.now();
    const written = await this.dataSource.transaction(async (manager) => {
      const current = await this.settings.read(manager, true);
      if (expectedVersion !== null && current.version !== expectedVersion) {
        throw new ConflictError(`settings are at version ${current.version}, not ${expectedVersion}`, 'stale_version');
      }
      const stored = await this.settings.write(manager, parsed.value, locale.locale, now);
      if (current.settings.timeZone !== parsed.value.timeZone) {
        for (const row of await this.promotions.findFollowingStoreZone(manager)) {
          const draft = parsePromotionDraft({ ...row.definition, limits: row.limits, enabled: row.enabled });
          if (!draft.ok) continue; // stored promotions were validated on write; a stale one keeps its instants
          const columns = columnsOf(draft.draft, parsed.value.timeZone);
          const moved = await this.promotions.setBounds(manager, row.id, columns.startsAt, columns.endsAt, now);
          // #19.3: code-inventory keeps each promotion's window from this event; it cannot know the store's zone.
          if (moved !== undefined) await this.outbox.enqueue(manager, { type: 'pricing.promotion-changed', key: moved.id, data: promotionChanged(moved, 'updated', now) });
        }
      }
      return stored;
    });
    // This replica at once; the others on their next poll (no settings event in the contracts).
    await this.refresher.requestRefresh();
    return written;
  }
}
