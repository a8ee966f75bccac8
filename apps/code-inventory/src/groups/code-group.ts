/** C6: a group of codes with its balances. */
export interface CodeGroup {
  readonly groupId: string;
  readonly name: string;
  readonly promotionId: string;
  readonly total: number;
  readonly available: number;
  readonly issued: number;
  readonly redeemed: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

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

export const CODE_GROUP_COLUMNS = 'group_id, name, promotion_id, total_count, available_count, issued_count, redeemed_count, created_at, updated_at';

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
