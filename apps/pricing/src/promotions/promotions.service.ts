import { Inject, Injectable } from '@nestjs/common';
import type { PromotionChangedData } from '@promo/contracts';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock, ConflictError, NotFoundError, ValidationFailedError } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { PromotionIndexRefresher } from '../promotion-index/promotion-index.refresher';
import { SettingsRepository } from '../settings/settings.repository';
import { columnsOf, type PromotionDraft, parsePromotionDraft } from './promotion-draft';
import type { PromotionView } from '@promo/contracts/http';
import { promotionChanged, toView } from './promotion-view';
import type { PromotionRow } from './promotion.row';
import { SharedCodeRegistryClient } from './shared-code-registry.client';
import { type PromotionFilter, PromotionsRepository } from './promotions.repository';

export interface PriorityChange {
  readonly id: string;
  readonly priority: number;
  readonly version: number | null;
}

/**
 * Promotions as the merchant manages them. Every change bumps the promotion's version and writes
 * `pricing.promotion-changed` to the outbox in the same transaction (the ledger and every replica's index read it).
 * Once committed, this replica also refreshes its own index at once (not awaited: the answer does not wait for
 * it), without waiting for its event to come back through the outbox and Kafka (#21).
 */
@Injectable()
export class PromotionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly promotions: PromotionsRepository,
    private readonly settings: SettingsRepository,
    private readonly outbox: OutboxWriter,
    private readonly registry: SharedCodeRegistryClient,
    private readonly refresher: PromotionIndexRefresher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(body: unknown): Promise<PromotionView> {
    const draft = this.parse(body);
    const now = this.clock.now();
    const row = await this.dataSource.transaction(async (manager) => {
      const { settings } = await this.settings.read(manager);
      const inserted = await this.promotions.insert(manager, draft, columnsOf(draft, settings.timeZone), now);
      if (inserted === undefined) throw new ConflictError(`promotion ${draft.id} already exists`, 'duplicate_id');
      await this.storeCodes(manager, draft, inserted.version);
      await this.publish(manager, inserted, 'created', now);
      return inserted;
    });
    this.refreshIndex();
    return toView(row, now);
  }

  async get(id: string): Promise<PromotionView> {
    const row = await this.promotions.findLive(this.dataSource.manager, id);
    if (row === undefined) throw new NotFoundError(`promotion ${id} does not exist`);
    return toView(row, this.clock.now());
  }

  async list(filter: PromotionFilter): Promise<{ items: PromotionView[]; total: number; limit: number; offset: number }> {
    const now = this.clock.now();
    const { items, total } = await this.promotions.list(this.dataSource.manager, filter, now);
    return { items: items.map((row) => toView(row, now)), total, limit: filter.limit, offset: filter.offset };
  }

  /** Replaces a promotion; `expectedVersion` (If-Match or body `version`) must be current, else 409. */
  async update(id: string, body: unknown, expectedVersion: number | null): Promise<PromotionView> {
    const draft = this.parse(body, id);
    const now = this.clock.now();
    const row = await this.dataSource.transaction(async (manager) => {
      const { settings } = await this.settings.read(manager);
      const updated = await this.promotions.update(manager, draft, columnsOf(draft, settings.timeZone), expectedVersion, now);
      if (updated === undefined) await this.explainMiss(manager, id, expectedVersion);
      else {
        await this.storeCodes(manager, draft, updated.version);
        await this.publish(manager, updated, 'updated', now);
      }
      return updated;
    });
    this.refreshIndex();
    return toView(this.present(row), now);
  }

  async setEnabled(id: string, enabled: boolean, expectedVersion: number | null): Promise<PromotionView> {
    const now = this.clock.now();
    const row = await this.dataSource.transaction(async (manager) => {
      const updated = await this.promotions.setEnabled(manager, id, enabled, expectedVersion, now);
      if (updated === undefined) await this.explainMiss(manager, id, expectedVersion);
      else await this.publish(manager, updated, 'updated', now);
      return updated;
    });
    this.refreshIndex();
    return toView(this.present(row), now);
  }

  async remove(id: string, expectedVersion: number | null): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const deleted = await this.promotions.markDeleted(manager, id, expectedVersion, now);
      if (deleted === undefined) await this.explainMiss(manager, id, expectedVersion);
      else await this.publish(manager, deleted, 'deleted', now);
    });
    this.refreshIndex();
  }

  /** P7: sets the priorities of several automatic promotions in one transaction (all or none). */
  async reorder(changes: readonly PriorityChange[]): Promise<PromotionView[]> {
    const ids = changes.map((change) => change.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicates.length > 0) {
      throw new ValidationFailedError(duplicates.map((id) => ({ field: `priorities[${ids.lastIndexOf(id)}].id`, reason: 'duplicate', detail: `${id} is listed twice.` })));
    }
    const now = this.clock.now();
    const rows = await this.dataSource.transaction(async (manager) => {
      const out: PromotionRow[] = [];
      for (const change of changes) {
        const row = await this.promotions.setPriority(manager, change.id, change.priority, change.version, now);
        if (row === undefined) {
          const live = await this.promotions.findLive(manager, change.id);
          if (live?.kind === 'coupon') throw new ConflictError(`promotion ${change.id} is a coupon; only automatic promotions have a priority`, 'not_automatic');
          await this.explainMiss(manager, change.id, change.version);
        } else {
          await this.publish(manager, row, 'updated', now);
          out.push(row);
        }
      }
      return out;
    });
    this.refreshIndex();
    return rows.map((row) => toView(row, now));
  }

  private refreshIndex(): void {
    void this.refresher.requestRefresh();
  }

  private parse(body: unknown, pathId?: string): PromotionDraft {
    const parsed = parsePromotionDraft(body, pathId);
    if (!parsed.ok) throw new ValidationFailedError(parsed.errors);
    return parsed.draft;
  }

  /**
   * C2: a code belongs to one promotion or group in the whole store. code-inventory is the authority (#19.4): the
   * codes are registered there, inside this transaction, so a conflict (409, naming the holder) or an unreachable
   * code-inventory (503) saves nothing. Codes this version drops are released by code-inventory when it reads this
   * version's `pricing.promotion-changed`, i.e. only once the save is committed.
   */
  private async storeCodes(manager: EntityManager, draft: PromotionDraft, version: number): Promise<void> {
    const taken = await this.promotions.codesHeldElsewhere(manager, draft.id, draft.codes);
    if (taken.length > 0) {
      throw new ConflictError(`codes already used by other promotions: ${taken.map((t) => `${t.code} (${t.promotionId})`).join(', ')}`, 'duplicate_code');
    }
    if (draft.codes.length > 0) await this.registry.register(draft.id, version, draft.codes);
    await this.promotions.replaceCodes(manager, draft.id, draft.codes);
  }

  private async publish(manager: EntityManager, row: PromotionRow, change: PromotionChangedData['change'], now: Date): Promise<void> {
    await this.outbox.enqueue(manager, { type: 'pricing.promotion-changed', key: row.id, data: promotionChanged(row, change, now) });
  }

  /** Why a conditional write touched no row: 404 when the promotion does not exist, 409 when the version is stale. */
  private async explainMiss(manager: EntityManager, id: string, expectedVersion: number | null): Promise<never> {
    const live = await this.promotions.findLive(manager, id);
    if (live === undefined) throw new NotFoundError(`promotion ${id} does not exist`);
    throw new ConflictError(`promotion ${id} is at version ${live.version}, not ${String(expectedVersion)}`, 'stale_version');
  }

  private present(row: PromotionRow | undefined): PromotionRow {
    if (row === undefined) throw new Error('a conditional write reported no row and no reason');
    return row;
  }
}
