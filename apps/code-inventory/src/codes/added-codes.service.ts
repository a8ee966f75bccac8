import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { StoredCodeState } from './code-state';

export interface AddedCode {
  readonly id: string;
  readonly code: string;
  readonly state: StoredCodeState;
}

export interface AddedCodesPage {
  readonly codes: readonly AddedCode[];
  /** The fromId of the next page; null when the range is exhausted. */
  readonly nextFromId: string | null;
}

export const ADDED_CODES_PAGE_SIZE = 1_000;

/**
 * #7: the codes behind a `code-inventory.codes-added` event, read by its subscriber a page at a time:
 * the group's codes with an id in [fromId, toId], in id order, with their current state (a code may
 * have been issued, redeemed or disabled since). A primary-key range scan, so a page costs the same
 * whatever the table's size.
 */
@Injectable()
export class AddedCodesService {
  constructor(private readonly dataSource: DataSource) {}

  async page(groupId: string, fromId: string, toId: string, limit = ADDED_CODES_PAGE_SIZE): Promise<AddedCodesPage> {
    const groups: unknown[] = await this.dataSource.query(`SELECT 1 FROM code_groups WHERE group_id = $1`, [groupId]);
    if (groups.length === 0) throw new NotFoundError(`no group ${groupId}`);
    const rows: { id: string; code: string; state: StoredCodeState }[] = await this.dataSource.query(
      // Ordered by the column c.id, not by the text output `id` (ORDER BY prefers output names): in text
      // order "10000" sorts before "9999", and pages across a change in digit count repeated codes.
      `SELECT c.id::text AS id, c.code, c.state FROM codes c WHERE c.id BETWEEN $2 AND $3 AND c.group_id = $1 ORDER BY c.id LIMIT $4`,
      [groupId, fromId, toId, limit + 1],
    );
    const codes = rows.slice(0, limit);
    const next = rows[limit];
    return { codes, nextFromId: next === undefined ? null : next.id };
  }
}
