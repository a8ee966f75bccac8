import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ConflictError } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { normalizeCode } from '@promo/pricing-engine';

export interface RegisteredSharedCodes {
  readonly promotionId: string;
  readonly codes: readonly string[];
}

interface HeldCode {
  readonly code: string;
  readonly promotion_id: string;
  readonly group_id: string | null;
}

/**
 * #19.4 (C2): one authority for the store's codes. Pricing registers a coupon's shared codes here before it saves the
 * promotion; they go into `codes` beside every group code, so the one unique index on lower(code) decides across
 * replicas and services (a concurrent registration, upload or generation of the same code waits on it, then loses).
 * Registration only adds: a code the promotion dropped is released by its `pricing.promotion-changed`
 * ({@link releaseDropped}), once that version is committed, so a failed save never frees a code pricing still holds.
 */
@Injectable()
export class SharedCodeRegistry {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(promotionId: string, version: number, typed: readonly string[]): Promise<RegisteredSharedCodes> {
    // Sorted, so two registrations of overlapping codes take the index entries in one order (no deadlock).
    const codes = [...new Map(typed.map((code) => [normalizeCode(code), code.trim()])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const normalized = codes.map(([key]) => key);
    if (codes.length === 0) return { promotionId, codes: [] };
    return this.dataSource.transaction(async (manager) => {
      // Hidden: pricing lists its promotions' codes; code-inventory's public listing is for its own shared codes (C8).
      await manager.query(
        `INSERT INTO codes (code, promotion_id, group_id, state, is_hidden, registered_version, created_at)
         SELECT code, $1, NULL, 'available', true, $2, $3 FROM unnest($4::text[]) WITH ORDINALITY AS t(code, n) ORDER BY n
         ON CONFLICT DO NOTHING`,
        [promotionId, version, this.clock.now(), codes.map(([, code]) => code)],
      );
      const held: HeldCode[] = await manager.query(
        `SELECT code, promotion_id, group_id FROM codes WHERE lower(code) = ANY($1::text[]) AND (promotion_id <> $2 OR group_id IS NOT NULL) ORDER BY lower(code)`,
        [normalized, promotionId],
      );
      if (held.length > 0) throw sharedCodeConflict(held);
      await manager.query(
        `UPDATE codes SET registered_version = $3
          WHERE lower(code) = ANY($1::text[]) AND promotion_id = $2 AND group_id IS NULL AND registered_version < $3`,
        [normalized, promotionId, version],
      );
      return { promotionId, codes: codes.map(([, code]) => code) };
    });
  }

  /**
   * Releases the registered shared codes of a promotion that its version `version` no longer lists (all of them when
   * it was deleted); a code a newer version registered meanwhile stays. Runs in the event's transaction.
   */
  async releaseDropped(manager: EntityManager, promotionId: string, version: number, listed: readonly string[]): Promise<void> {
    await manager.query(
      `DELETE FROM codes WHERE promotion_id = $1 AND group_id IS NULL AND registered_version IS NOT NULL AND registered_version <= $2
          AND NOT (lower(code) = ANY($3::text[]))`,
      [promotionId, version, listed.map((code) => normalizeCode(code))],
    );
  }
}

/** The 409 of a registration, naming every code another promotion or a group holds (C2). */
function sharedCodeConflict(held: readonly HeldCode[]): ConflictError {
  const where = held.map((row) => `${row.code} (${row.group_id === null ? `promotion ${row.promotion_id}` : `group ${row.group_id} of promotion ${row.promotion_id}`})`);
  return new ConflictError(`codes already used elsewhere in the store: ${where.join(', ')}`, 'duplicate_code');
}
