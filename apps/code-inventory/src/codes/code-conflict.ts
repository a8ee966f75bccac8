import { ConflictError } from '@promo/platform';
import type { EntityManager } from 'typeorm';

export interface ExistingCode {
  readonly code: string;
  readonly promotionId: string;
  readonly groupId: string | null;
}

/** C2: the code already in the store under the same normalized form, if any. */
export async function findExistingCode(manager: EntityManager, normalized: string): Promise<ExistingCode | null> {
  const rows: { code: string; promotion_id: string; group_id: string | null }[] = await manager.query(
    `SELECT code, promotion_id, group_id FROM codes WHERE lower(code) = $1`,
    [normalized],
  );
  const row = rows[0];
  return row === undefined ? null : { code: row.code, promotionId: row.promotion_id, groupId: row.group_id };
}

/** The 409 of a duplicate code, naming the promotion and group that hold it (C4). */
export function duplicateCodeError(typed: string, existing: ExistingCode): ConflictError {
  const where = existing.groupId === null ? `promotion ${existing.promotionId}` : `group ${existing.groupId} of promotion ${existing.promotionId}`;
  return new ConflictError(`code ${typed} already exists as ${existing.code} in ${where}`, 'duplicate_code');
}
