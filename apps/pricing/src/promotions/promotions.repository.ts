import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PromotionStatus } from '@promo/contracts/http';
import type { PromotionColumns, PromotionDraft } from './promotion-draft';
import { PROMOTION_COLUMNS, type PromotionRow } from './promotion.row';

export interface PromotionFilter {
  readonly kind?: 'automatic' | 'coupon';
  readonly status?: PromotionStatus;
  readonly channel?: string;
  readonly currency?: string;
  readonly search?: string;
  readonly limit: number;
  readonly offset: number;
}

/** TypeORM answers an UPDATE … RETURNING with `[rows, affected]` (an INSERT or SELECT with the rows). */
async function updateReturning<T>(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<T | undefined> {
  const [rows]: [T[], number] = await manager.query(sql, [...params]);
  return rows[0];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL of `pricing.promotions` and `pricing.promotion_codes`; callers pass the transaction. */
@Injectable()
export class PromotionsRepository {
  async findLive(manager: EntityManager, id: string, forUpdate = false): Promise<PromotionRow | undefined> {
    const rows: PromotionRow[] = await manager.query(
      `SELECT ${PROMOTION_COLUMNS} FROM promotions WHERE id = $1 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  /** Inserts a promotion (or revives a deleted one, keeping its version monotonic); undefined when the id is live. */
  async insert(manager: EntityManager, draft: PromotionDraft, columns: PromotionColumns, now: Date): Promise<PromotionRow | undefined> {
    const rows: PromotionRow[] = await manager.query(
      `INSERT INTO promotions (id, kind, name, search_text, enabled, priority, channels, currency, starts_at, ends_at, has_own_zone,
         definition, limits, version, change_seq, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, nextval('change_seq'), $14, $14, NULL)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, search_text = EXCLUDED.search_text,
         enabled = EXCLUDED.enabled, priority = EXCLUDED.priority, channels = EXCLUDED.channels, currency = EXCLUDED.currency,
         starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, has_own_zone = EXCLUDED.has_own_zone,
         definition = EXCLUDED.definition, limits = EXCLUDED.limits, version = promotions.version + 1,
         change_seq = EXCLUDED.change_seq, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL
       WHERE promotions.deleted_at IS NOT NULL
       RETURNING ${PROMOTION_COLUMNS}`,
      [draft.id, ...this.values(draft, columns), now],
    );
    return rows[0];
  }

  /** Replaces a live promotion when its version is `expectedVersion` (any version when null). */
  async update(manager: EntityManager, draft: PromotionDraft, columns: PromotionColumns, expectedVersion: number | null, now: Date): Promise<PromotionRow | undefined> {
    const row = await updateReturning<PromotionRow>(
      manager,
      `UPDATE promotions SET kind = $2, name = $3, search_text = $4, enabled = $5, priority = $6, channels = $7, currency = $8,
         starts_at = $9, ends_at = $10, has_own_zone = $11, definition = $12, limits = $13, version = version + 1,
         change_seq = nextval('change_seq'), updated_at = $14
       WHERE id = $1 AND deleted_at IS NULL AND ($15::int IS NULL OR version = $15)
       RETURNING ${PROMOTION_COLUMNS}`,
      [draft.id, ...this.values(draft, columns), now, expectedVersion],
    );
    return row;
  }

  async setEnabled(manager: EntityManager, id: string, enabled: boolean, expectedVersion: number | null, now: Date): Promise<PromotionRow | undefined> {
    const row = await updateReturning<PromotionRow>(
      manager,
      `UPDATE promotions SET enabled = $2, version = version + 1, change_seq = nextval('change_seq'), updated_at = $3
       WHERE id = $1 AND deleted_at IS NULL AND ($4::int IS NULL OR version = $4)
       RETURNING ${PROMOTION_COLUMNS}`,
      [id, enabled, now, expectedVersion],
    );
    return row;
  }

  /** Soft delete: the row stays as a tombstone so versions stay monotonic and replicas see the deletion. */
  async markDeleted(manager: EntityManager, id: string, expectedVersion: number | null, now: Date): Promise<PromotionRow | undefined> {
    const row = await updateReturning<PromotionRow>(
      manager,
      `UPDATE promotions SET deleted_at = $2, version = version + 1, change_seq = nextval('change_seq'), updated_at = $2
       WHERE id = $1 AND deleted_at IS NULL AND ($3::int IS NULL OR version = $3)
       RETURNING ${PROMOTION_COLUMNS}`,
      [id, now, expectedVersion],
    );
    await manager.query(`DELETE FROM promotion_codes WHERE promotion_id = $1`, [id]);
    return row;
  }

  /** Sets an automatic promotion's priority (column and engine shape) when its version is `expectedVersion` (any when null). */
  async setPriority(manager: EntityManager, id: string, priority: number, expectedVersion: number | null, now: Date): Promise<PromotionRow | undefined> {
    const row = await updateReturning<PromotionRow>(
      manager,
      `UPDATE promotions SET priority = $2, definition = jsonb_set(definition, '{priority}', to_jsonb($2::int)), version = version + 1,
         change_seq = nextval('change_seq'), updated_at = $3
       WHERE id = $1 AND kind = 'automatic' AND deleted_at IS NULL AND ($4::int IS NULL OR version = $4)
       RETURNING ${PROMOTION_COLUMNS}`,
      [id, priority, now, expectedVersion],
    );
    return row;
  }

  /** Codes among `codes` that another live promotion holds (C2: a code belongs to one promotion). */
  async codesHeldElsewhere(manager: EntityManager, id: string, codes: readonly string[]): Promise<readonly { code: string; promotionId: string }[]> {
    if (codes.length === 0) return [];
    return manager.query(`SELECT code, promotion_id AS "promotionId" FROM promotion_codes WHERE code = ANY($1) AND promotion_id <> $2 ORDER BY code`, [codes, id]);
  }

  async replaceCodes(manager: EntityManager, id: string, codes: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM promotion_codes WHERE promotion_id = $1`, [id]);
    if (codes.length > 0) await manager.query(`INSERT INTO promotion_codes (code, promotion_id) SELECT unnest($1::text[]), $2`, [codes, id]);
  }

  async list(manager: EntityManager, filter: PromotionFilter, now: Date): Promise<{ items: PromotionRow[]; total: number }> {
    const where = ['deleted_at IS NULL'];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.kind !== undefined) where.push(`kind = ${param(filter.kind)}`);
    if (filter.channel !== undefined) where.push(`(channels IS NULL OR ${param(filter.channel)} = ANY(channels))`);
    if (filter.currency !== undefined) where.push(`(currency IS NULL OR currency = 'any' OR currency = ${param(filter.currency)})`);
    if (filter.search !== undefined) where.push(`search_text LIKE ${param(`%${escapeLike(filter.search.toLowerCase())}%`)}`);
    if (filter.status === 'disabled') where.push('NOT enabled');
    else if (filter.status !== undefined) {
      const at = param(now);
      const byStatus: Record<Exclude<PromotionStatus, 'disabled'>, string> = {
        expired: `enabled AND ends_at <= ${at}`,
        scheduled: `enabled AND starts_at > ${at} AND (ends_at IS NULL OR ends_at > ${at})`,
        active: `enabled AND (starts_at IS NULL OR starts_at <= ${at}) AND (ends_at IS NULL OR ends_at > ${at})`,
      };
      where.push(`(${byStatus[filter.status]})`);
    }
    const sqlWhere = where.join(' AND ');
    const counted: { total: string }[] = await manager.query(`SELECT count(*) AS total FROM promotions WHERE ${sqlWhere}`, params);
    const items: PromotionRow[] = await manager.query(
      `SELECT ${PROMOTION_COLUMNS} FROM promotions WHERE ${sqlWhere} ORDER BY kind, priority NULLS LAST, id LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { items, total: Number(counted[0]?.total ?? 0) };
  }

  /** Live promotions whose schedule has no zone of its own: their instants follow the store's zone. */
  async findFollowingStoreZone(manager: EntityManager): Promise<PromotionRow[]> {
    return manager.query(`SELECT ${PROMOTION_COLUMNS} FROM promotions WHERE deleted_at IS NULL AND NOT has_own_zone FOR UPDATE`);
  }

  /**
   * Moves a promotion's start and end instants (a new store zone); a move is a new version, since consumers keep the
   * window from `pricing.promotion-changed` (#19.3). Undefined when the instants did not change.
   */
  async setBounds(manager: EntityManager, id: string, startsAt: Date | null, endsAt: Date | null, now: Date): Promise<PromotionRow | undefined> {
    return updateReturning<PromotionRow>(
      manager,
      `UPDATE promotions SET starts_at = $2, ends_at = $3, version = version + 1, change_seq = nextval('change_seq'), updated_at = $4
       WHERE id = $1 AND (starts_at IS DISTINCT FROM $2 OR ends_at IS DISTINCT FROM $3)
       RETURNING ${PROMOTION_COLUMNS}`,
      [id, startsAt, endsAt, now],
    );
  }

  private values(draft: PromotionDraft, columns: PromotionColumns): unknown[] {
    return [
      columns.kind,
      columns.name,
      columns.searchText,
      draft.enabled,
      columns.priority,
      columns.channels,
      columns.currency,
      columns.startsAt,
      columns.endsAt,
      columns.hasOwnZone,
      JSON.stringify(draft.definition),
      JSON.stringify(draft.limits),
    ];
  }
}
