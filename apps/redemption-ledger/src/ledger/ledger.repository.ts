import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerEntryInput, LedgerEntryKind, LedgerEntryView } from './ledger-entry';

export interface LedgerFilter {
  readonly promotionId?: string | undefined;
  readonly codeKey?: string | undefined;
  readonly orderId?: string | undefined;
  /** Entries after this sequence. */
  readonly after: number;
  readonly limit: number;
}

interface EntryRecord {
  sequence: string;
  kind: LedgerEntryKind;
  order_id: string | null;
  reservation_id: string | null;
  promotion_id: string;
  code: string | null;
  customer_id: string | null;
  units: number;
  reason: string | null;
  discount_amount: string | null;
  currency: string | null;
  at: Date;
}

const COLUMNS = ['kind', 'order_id', 'reservation_id', 'promotion_id', 'code', 'code_key', 'customer_id', 'units', 'reason', 'discount_amount', 'currency', 'at'];

/** The append-only ledger: entries are inserted, never updated or deleted; `sequence` orders them. */
@Injectable()
export class LedgerRepository {
  async append(manager: EntityManager, entries: readonly LedgerEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((entry, row) => {
      values.push(
        entry.kind,
        entry.orderId,
        entry.reservationId,
        entry.promotionId,
        entry.code,
        entry.codeKey,
        entry.customerId,
        entry.units,
        entry.reason,
        entry.discountAmount,
        entry.currency,
        entry.at,
      );
      return `(${COLUMNS.map((_column, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`;
    });
    await manager.query(`INSERT INTO ledger_entries (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, values);
  }

  async list(manager: EntityManager, filter: LedgerFilter): Promise<LedgerEntryView[]> {
    const conditions = ['sequence > $1'];
    const values: unknown[] = [filter.after];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      values.push(value);
      conditions.push(`${column} = $${values.length}`);
    };
    add('promotion_id', filter.promotionId);
    add('code_key', filter.codeKey);
    add('order_id', filter.orderId);
    values.push(filter.limit);
    const rows: EntryRecord[] = await manager.query(
      `SELECT sequence, kind, order_id, reservation_id, promotion_id, code, customer_id, units, reason, discount_amount, currency, at
         FROM ledger_entries WHERE ${conditions.join(' AND ')} ORDER BY sequence LIMIT $${values.length}`,
      values,
    );
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      kind: row.kind,
      orderId: row.order_id,
      reservationId: row.reservation_id,
      promotionId: row.promotion_id,
      code: row.code,
      customerId: row.customer_id,
      units: row.units,
      reason: row.reason,
      discountAmount: row.discount_amount === null ? null : Number(row.discount_amount),
      currency: row.currency,
      at: row.at.toISOString(),
    }));
  }
}
