import { Injectable } from '@nestjs/common';
import type { PromotionChangedData } from '@promo/contracts';
import type { EntityManager } from 'typeorm';
import { promotionWindow } from './promotion-window';

/**
 * C9: keeps each promotion's validity window as pricing announces it, newest version only. Codes are
 * never deleted or rewritten here: the lookup reads them through the window, so an extended end brings
 * them back exactly as they were.
 */
@Injectable()
export class PromotionValidityService {
  async apply(manager: EntityManager, change: PromotionChangedData): Promise<void> {
    const window = promotionWindow(change.change === 'deleted' ? null : change.promotion, change);
    await manager.query(
      `INSERT INTO promotions (promotion_id, version, is_enabled, is_deleted, starts_at, ends_at, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (promotion_id) DO UPDATE SET version = EXCLUDED.version, is_enabled = EXCLUDED.is_enabled, is_deleted = EXCLUDED.is_deleted,
         starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, changed_at = EXCLUDED.changed_at
       WHERE promotions.version < EXCLUDED.version`,
      [change.promotionId, change.version, window.isEnabled, window.isDeleted, window.startsAt, window.endsAt, change.changedAt],
    );
  }
}
