import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { PG_POOL } from '../database/pg-pool.provider';
import { GroupsService } from '../groups/groups.service';

export const EXPORT_COLUMNS = ['code', 'normalized_code', 'promotion_id', 'group_id', 'state', 'hidden', 'issued_to', 'issued_at', 'bound_customer_id', 'redeemed_at'] as const;

/**
 * A text column as a spreadsheet reads it as text: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula (CSV injection, #19), so it gets a leading apostrophe. Customer ids come from
 * callers and are not otherwise restricted; codes and group ids are, but cost nothing to guard as well.
 */
function asSpreadsheetText(column: string): string {
  return `CASE WHEN ${column} ~ '^[-=+@\t\r]' THEN '''' || ${column} ELSE ${column} END`;
}

/**
 * C5: a group's codes as CSV straight from `COPY … TO STDOUT`: Postgres formats the rows and the stream
 * flows to the client with backpressure, so memory stays constant whatever the size.
 */
@Injectable()
export class ExportService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  /** The CSV stream; the connection goes back to the pool when the stream ends, fails or is destroyed. */
  async exportGroup(groupId: string): Promise<Readable> {
    await this.groups.requireRow(this.dataSource.manager, groupId);
    const client = await this.pool.connect();
    // COPY takes no parameters: the group id is quoted by the driver's literal escaping.
    const text = ['code', 'lower(code)', 'promotion_id', 'group_id'].map(asSpreadsheetText).join(', ');
    const sql = `COPY (SELECT ${text}, state, is_hidden, ${asSpreadsheetText('issued_to')}, issued_at, ${asSpreadsheetText('bound_customer_id')}, redeemed_at
                         FROM codes WHERE group_id = ${client.escapeLiteral(groupId)} ORDER BY id)
                 TO STDOUT WITH (FORMAT csv, HEADER false)`;
    const stream = client.query(copyTo(sql));
    let isReleased = false;
    const release = (error?: Error): void => {
      if (isReleased) return;
      isReleased = true;
      client.release(error);
    };
    stream.on('end', () => release());
    stream.on('error', (error: Error) => release(error));
    stream.on('close', () => release(stream.readableEnded ? undefined : new Error('export stream closed early')));
    return stream;
  }
}
