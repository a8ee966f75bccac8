import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PromotionLimits } from '../promotions/promotion-draft';
import { SettingsRepository } from '../settings/settings.repository';
import type { EntryChange } from './apply-entry-changes';
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

interface PromotionRowRead {
  id: string;
  kind: 'automatic' | 'coupon';
  definition: Record<string, unknown>;
  limits: PromotionLimits;
}

function toEntry(row: PromotionRowRead): IndexEntry {
  return { id: row.id, kind: row.kind, definition: row.definition, limits: row.limits };
}

/** What the store held when a snapshot was read, beyond the snapshot: enough to tell what a later change touched. */
export interface StoreState {
  readonly fingerprint: StoreFingerprint;
  readonly settingsChangeSeq: number;
  /** Every promotion row's change sequence, deleted and disabled ones too (their sum is the fingerprint's); the refresher's own. */
  readonly changeSeqs: Map<string, number>;
}

/** Promotion rows changed after a version, read in one consistent snapshot with the fingerprint. */
export interface StoreChanges {
  readonly fingerprint: StoreFingerprint;
  readonly settingsChangeSeq: number;
  readonly changes: readonly (EntryChange & { readonly changeSeq: number })[];
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

  async load(): Promise<{ snapshot: IndexSnapshot; store: StoreState }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const stored = await this.settings.read(manager);
      const rows: PromotionRowRead[] = await manager.query(`SELECT id, kind, definition, limits FROM promotions WHERE deleted_at IS NULL AND enabled ORDER BY id`);
      const seqs: { id: string; changeSeq: string }[] = await manager.query(`SELECT id, change_seq AS "changeSeq" FROM promotions`);
      const fingerprint = toFingerprint(await manager.query(FINGERPRINT_SQL));
      // The index lists entries by id in JavaScript's string order (the changes applied later keep that order).
      const entries = rows.map(toEntry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        snapshot: buildSnapshot(entries, stored.settings, fingerprint.version),
        store: { fingerprint, settingsChangeSeq: stored.changeSeq, changeSeqs: new Map(seqs.map((row) => [row.id, Number(row.changeSeq)])) },
      };
    });
  }

  /** Promotion rows whose change sequence is above `version` (found by the change_seq index), as entries to apply. */
  async changesSince(version: number): Promise<StoreChanges> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const stored = await this.settings.read(manager);
      const rows: (PromotionRowRead & { live: boolean; changeSeq: string })[] = await manager.query(
        `SELECT id, kind, definition, limits, change_seq AS "changeSeq", (deleted_at IS NULL AND enabled) AS live FROM promotions WHERE change_seq > $1 ORDER BY change_seq`,
        [version],
      );
      const fingerprint = toFingerprint(await manager.query(FINGERPRINT_SQL));
      return {
        fingerprint,
        settingsChangeSeq: stored.changeSeq,
        changes: rows.map((row) => ({ id: row.id, entry: row.live ? toEntry(row) : null, changeSeq: Number(row.changeSeq) })),
      };
    });
  }
}
