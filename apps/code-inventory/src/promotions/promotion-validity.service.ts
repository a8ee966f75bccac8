import { Injectable } from '@nestjs/common';
import type { PromotionChangedData } from '@promo/contracts';
import type { EntityManager } from 'typeorm';
import { promotionWindow } from './promotion-window';
import { SharedCodeRegistry } from './shared-code-registry.service';

/**
 * C9: keeps each promotion's validity window as pricing announces it, newest version only. Codes are
 * never deleted or rewritten here: the lookup reads them through the window, so an extended end brings
 * them back exactly as they were. The one exception is the shared codes pricing registered (#19.4): a committed
 * version that no longer lists one (or deletes the promotion) releases it for the rest of the store.
 */
@Injectable()
export class PromotionValidityService {
  constructor(private readonly registry: SharedCodeRegistry) {}

  async apply(manager: EntityManager, change: PromotionChangedData): Promise<void> {
    const promotion = change.change === 'deleted' ? null : change.promotion;
    const window = promotionWindow(promotion, change);
    const applied: unknown[] = await manager.query(
      `INSERT INTO promotions (promotion_id, version, is_enabled, is_deleted, starts_at, ends_at, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (promotion_id) DO UPDATE SET version = EXCLUDED.version, is_enabled = EXCLUDED.is_enabled, is_deleted = EXCLUDED.is_deleted,
         starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, changed_at = EXCLUDED.changed_at
       WHERE promotions.version < EXCLUDED.version
       RETURNING promotion_id`,
      [change.promotionId, change.version, window.isEnabled, window.isDeleted, window.startsAt, window.endsAt, change.changedAt],
    );
    if (applied.length > 0) await this.registry.releaseDropped(manager, change.promotionId, change.version, listedCodes(promotion));
  }
}

/** The shared codes a promotion lists (`promotion.codes`), none for a deleted or automatic one. */
function listedCodes(promotion: PromotionChangedData['promotion']): readonly string[] {
  const codes = promotion?.['codes'];
  return Array.isArray(codes) ? codes.filter((code): code is string => typeof code === 'string') : [];
}
