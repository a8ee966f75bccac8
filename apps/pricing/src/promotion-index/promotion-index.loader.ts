import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PromotionLimits } from '../promotions/promotion-draft';
import { SettingsRepository } from '../settings/settings.repository';
import { buildSnapshot, type IndexEntry, type IndexSnapshot } from './index-snapshot';

const FINGERPRINT_SQL = `SELECT
  GREATEST(COALESCE((SELECT max(change_seq) FROM promotions), 0), COALESCE((SELECT max(change_seq) FROM store_settings), 0)) AS version,
  (COALESCE((SELECT sum(change_seq) FROM promotions), 0) + COALESCE((SELECT sum(change_seq) FROM store_settings), 0))::text AS sum`;

function toFingerprint(rows: readonly { version: string; sum: string }[]): StoreFingerprint {
  return { version: Number(rows[0]?.version ?? 0), sum: rows[0]?.sum ?? '0' };
}

export interface StoreFingerprint {
  /** Highest change sequence (the index version). */
  readonly version: number;
  /** Sum of every row's change sequence: grows with any change, even one whose sequence is below the max. */
  readonly sum: string;
}

/** Reads the whole store in one consistent snapshot and compiles it; off the hot path (P11). */
@Injectable()
export class PromotionIndexLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
  ) {}

  async fingerprint(): Promise<StoreFingerprint> {
    return toFingerprint(await this.dataSource.query(FINGERPRINT_SQL));
  }

  async load(): Promise<{ snapshot: IndexSnapshot; fingerprint: StoreFingerprint }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const stored = await this.settings.read(manager);
      const rows: { id: string; kind: 'automatic' | 'coupon'; definition: Record<string, unknown>; limits: PromotionLimits }[] = await manager.query(
        `SELECT id, kind, definition, limits FROM promotions WHERE deleted_at IS NULL AND enabled ORDER BY id`,
      );
      const fingerprint = toFingerprint(await manager.query(FINGERPRINT_SQL));
      const entries: IndexEntry[] = rows.map((row) => ({ id: row.id, kind: row.kind, definition: row.definition, limits: row.limits }));
      return { snapshot: buildSnapshot(entries, stored.settings, fingerprint.version), fingerprint };
    });
  }
}
