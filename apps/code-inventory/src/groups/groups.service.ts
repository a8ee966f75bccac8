import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ConflictError, NotFoundError } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { WriteResult } from '../database/write-result';
import { type CodeGroup, type CodeGroupRow, selectCodeGroups, toCodeGroup } from './code-group';

/** C6: groups of codes, their balances, edit and delete. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: { readonly groupId: string; readonly name: string; readonly promotionId: string }): Promise<CodeGroup> {
    const now = this.clock.now();
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO code_groups (group_id, name, promotion_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (group_id) DO NOTHING RETURNING group_id`,
      [input.groupId, input.name, input.promotionId, now],
    );
    if (rows.length === 0) throw new ConflictError(`group ${input.groupId} already exists`, 'duplicate_group');
    return this.get(input.groupId);
  }

  async get(groupId: string): Promise<CodeGroup> {
    return toCodeGroup(await this.requireRow(this.dataSource.manager, groupId));
  }

  async list(): Promise<readonly CodeGroup[]> {
    const rows: CodeGroupRow[] = await this.dataSource.query(selectCodeGroups(''));
    return rows.map(toCodeGroup);
  }

  /** The group's promotion, or 404: one primary-key probe, for paths that need no balances. */
  async requirePromotionId(manager: EntityManager, groupId: string): Promise<string> {
    const rows: { promotion_id: string }[] = await manager.query(`SELECT promotion_id FROM code_groups WHERE group_id = $1`, [groupId]);
    const row = rows[0];
    if (row === undefined) throw new NotFoundError(`no group ${groupId}`);
    return row.promotion_id;
  }

  /** The group as a transaction sees it (its row locked when `forUpdate`); 404 when there is none. */
  async requireRow(manager: EntityManager, groupId: string, forUpdate = false): Promise<CodeGroupRow> {
    if (forUpdate) await manager.query(`SELECT 1 FROM code_groups WHERE group_id = $1 FOR UPDATE`, [groupId]);
    const rows: CodeGroupRow[] = await manager.query(selectCodeGroups('WHERE g.group_id = $1'), [groupId]);
    const row = rows[0];
    if (row === undefined) throw new NotFoundError(`no group ${groupId}`);
    return row;
  }

  /** Renames a group; its promotion changes only while it holds no code (codes carry their promotion). */
  async update(groupId: string, patch: { readonly name?: string | undefined; readonly promotionId?: string | undefined }): Promise<CodeGroup> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.requireRow(manager, groupId, true);
      if (patch.promotionId !== undefined && patch.promotionId !== current.promotion_id && Number(current.total_count) > 0) {
        throw new ConflictError(`group ${groupId} holds codes of promotion ${current.promotion_id}; its promotion cannot change`, 'group_not_empty');
      }
      await manager.query(`UPDATE code_groups SET name = $2, promotion_id = $3, updated_at = $4 WHERE group_id = $1`, [
        groupId,
        patch.name ?? current.name,
        patch.promotionId ?? current.promotion_id,
        this.clock.now(),
      ]);
      return toCodeGroup(await this.requireRow(manager, groupId));
    });
  }

  /** C6: deleting a group deletes its codes; refused while some are issued and not redeemed, unless forced. */
  async delete(groupId: string, force: boolean): Promise<{ readonly deletedCodes: number }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.requireRow(manager, groupId, true);
      if (!force && Number(current.issued_count) > 0) {
        throw new ConflictError(`group ${groupId} has ${current.issued_count} issued codes not yet redeemed; delete with force=true`, 'group_has_issued_codes');
      }
      const [, deletedCount]: WriteResult<unknown> = await manager.query(`DELETE FROM codes WHERE group_id = $1`, [groupId]);
      await manager.query(`DELETE FROM code_group_counters WHERE group_id = $1`, [groupId]);
      await manager.query(`DELETE FROM code_groups WHERE group_id = $1`, [groupId]);
      return { deletedCodes: deletedCount };
    });
  }
}
