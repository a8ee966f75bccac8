import type { CodeGroup } from '@promo/contracts/http';

export type { CodeGroup };

export interface CodeGroupRow {
  readonly group_id: string;
  readonly name: string;
  readonly promotion_id: string;
  readonly total_count: string;
  readonly available_count: string;
  readonly issued_count: string;
  readonly redeemed_count: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

/** A group with the sums of its counter shards; `{where}` filters code_groups `g`. */
export function selectCodeGroups(where: string): string {
  return `SELECT g.group_id, g.name, g.promotion_id, g.created_at, g.updated_at,
                 coalesce(sum(c.total_count), 0) AS total_count, coalesce(sum(c.available_count), 0) AS available_count,
                 coalesce(sum(c.issued_count), 0) AS issued_count, coalesce(sum(c.redeemed_count), 0) AS redeemed_count
            FROM code_groups g LEFT JOIN code_group_counters c ON c.group_id = g.group_id
           ${where} GROUP BY g.group_id ORDER BY g.group_id`;
}

export function toCodeGroup(row: CodeGroupRow): CodeGroup {
  return {
    groupId: row.group_id,
    name: row.name,
    promotionId: row.promotion_id,
    total: Number(row.total_count),
    available: Number(row.available_count),
    issued: Number(row.issued_count),
    redeemed: Number(row.redeemed_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
