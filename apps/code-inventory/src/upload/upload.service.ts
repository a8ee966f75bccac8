import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock, ConflictError, NotFoundError } from '@promo/platform';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { enqueueCodesAdded, type InsertedRange, insertedRange, insertReturningRange } from '../codes/codes-added.events';
import { codeProblem } from '../codes/storable-code';
import { CopyWriter } from '../database/copy-writer';
import { isUniqueViolation } from '../database/pg-error';
import { PG_POOL } from '../database/pg-pool.provider';
import { addToGroupCounters } from '../groups/group-counters';
import type { CodeLine } from './read-code-lines';
import { REPORT_LIST_LIMIT, type UploadReport } from './upload-report';
import { UploadConflictError, UploadInvalidError } from './upload-rejected.error';

/**
 * C4: imports codes made elsewhere into a group. Every valid line is streamed with COPY into a staging
 * table; duplicates inside the upload and against the store are found in SQL; then the codes are
 * inserted in the same transaction, or nothing is (any problem rolls everything back), with their
 * `code-inventory.codes-added` event (the inserted code id range).
 */
@Injectable()
export class UploadService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  async importLines(groupId: string, lines: AsyncIterable<CodeLine>): Promise<UploadReport> {
    const client = await this.pool.connect();
    let isOpen = false;
    try {
      if ((await this.promotionOf(client, groupId, false)) === undefined) throw new NotFoundError(`no group ${groupId}`);
      // The body is read into a session temp table outside any transaction and without the group's row lock:
      // a slow stream holds neither a lock others wait on nor a snapshot that keeps vacuum from working.
      await client.query(`CREATE TEMP TABLE upload_staging (line integer NOT NULL, code text NOT NULL)`);
      const invalid = await this.stage(client, lines);
      await client.query('BEGIN');
      isOpen = true;
      // Held from here to the commit only: checks and insert, bounded by the upload caps. It keeps the group from
      // being deleted under the insert, and uploads to one group one at a time.
      const promotionId = await this.promotionOf(client, groupId, true);
      if (promotionId === undefined) throw new NotFoundError(`no group ${groupId}`);
      await client.query(`ANALYZE upload_staging`);
      const inFile = await this.inFileDuplicates(client);
      const inStore = await this.storeDuplicates(client);
      const duplicates = [...inFile.list, ...inStore.list].sort((a, b) => a.line - b.line).slice(0, REPORT_LIST_LIMIT);
      const report = { imported: 0, duplicates, invalid: invalid.list, duplicateCount: inFile.count + inStore.count, invalidCount: invalid.count };
      if (invalid.count > 0 || inFile.count > 0) throw new UploadInvalidError(report);
      if (inStore.count > 0) throw new UploadConflictError(report);
      const now = this.clock.now();
      const inserted = await client.query<InsertedRange>(
        insertReturningRange(
          `INSERT INTO codes (code, promotion_id, group_id, state, is_hidden, created_at)
           SELECT code, $1, $2, 'available', false, $3 FROM upload_staging ORDER BY line`,
        ),
        [promotionId, groupId, now],
      );
      const range = insertedRange(inserted);
      const imported = range.count;
      await addToGroupCounters(client, groupId, { total: imported, available: imported });
      await enqueueCodesAdded(this.outbox, client, { promotionId, groupId, origin: 'upload' }, range, now);
      await client.query('COMMIT');
      isOpen = false;
      return { ...report, imported };
    } catch (error) {
      if (isOpen) await client.query('ROLLBACK');
      // A concurrent upload or generation inserted one of these codes after our check.
      if (isUniqueViolation(error)) throw new ConflictError('some codes were added to the store meanwhile; nothing was imported', 'duplicate_code');
      throw error;
    } finally {
      // The connection goes back to the pool without the temp table, or is closed when it cannot drop it.
      const isDropped = await client.query(`DROP TABLE IF EXISTS upload_staging`).then(
        () => true,
        () => false,
      );
      client.release(!isDropped);
    }
  }

  private async promotionOf(client: PoolClient, groupId: string, forUpdate: boolean): Promise<string | undefined> {
    const groups = await client.query<{ promotion_id: string }>(`SELECT promotion_id FROM code_groups WHERE group_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [groupId]);
    return groups.rows[0]?.promotion_id;
  }

  /** Streams the valid lines into the staging table; returns the invalid ones. */
  private async stage(client: PoolClient, lines: AsyncIterable<CodeLine>): Promise<{ list: UploadReport['invalid']; count: number }> {
    const list: { line: number; code: string; reason: string }[] = [];
    let count = 0;
    const copy = client.query(copyFrom(`COPY upload_staging (line, code) FROM STDIN`));
    const writer = new CopyWriter(copy);
    try {
      for await (const { line, text } of lines) {
        const problem = codeProblem(text);
        if (problem === null) {
          await writer.write(`${line}\t${text.trim()}\n`);
          continue;
        }
        count += 1;
        if (list.length < REPORT_LIST_LIMIT) list.push({ line, code: text, reason: problem });
      }
      await writer.end();
    } catch (error) {
      // The COPY's own failure (CopyFail echoed by Postgres) only repeats the error rethrown below.
      copy.on('error', () => undefined);
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
      // Queued behind the aborted COPY: the connection is usable again once this answers.
      await client.query('SELECT 1');
      throw error;
    }
    return { list, count };
  }

  private async inFileDuplicates(client: PoolClient): Promise<{ list: UploadReport['duplicates']; count: number }> {
    const { rows } = await client.query<{ line: number; code: string; first_line: number; total: string }>(
      `SELECT line, code, first_line, count(*) OVER () AS total FROM (
         SELECT line, code, min(line) OVER (PARTITION BY lower(code)) AS first_line FROM upload_staging
       ) s WHERE line <> first_line ORDER BY line LIMIT ${REPORT_LIST_LIMIT}`,
    );
    return {
      list: rows.map((row) => ({ line: row.line, code: row.code, conflict: { source: 'file', line: row.first_line } })),
      count: Number(rows[0]?.total ?? 0),
    };
  }

  private async storeDuplicates(client: PoolClient): Promise<{ list: UploadReport['duplicates']; count: number }> {
    const { rows } = await client.query<{ line: number; code: string; promotion_id: string; group_id: string | null; total: string }>(
      `SELECT s.line, s.code, c.promotion_id, c.group_id, count(*) OVER () AS total
         FROM upload_staging s JOIN codes c ON lower(c.code) = lower(s.code) ORDER BY s.line LIMIT ${REPORT_LIST_LIMIT}`,
    );
    return {
      list: rows.map((row) => ({ line: row.line, code: row.code, conflict: { source: 'store', promotionId: row.promotion_id, groupId: row.group_id } })),
      count: Number(rows[0]?.total ?? 0),
    };
  }
}
