import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { codeKeyOf } from '../usage/usage-keys';
import type { LedgerEntryView } from './ledger-entry';
import { LedgerRepository } from './ledger.repository';

export interface LedgerPage {
  readonly items: readonly LedgerEntryView[];
  /** Pass as `cursor` for the next page; null when this page is the last. */
  readonly nextCursor: number | null;
}

export interface LedgerQuery {
  readonly promotionId?: string | undefined;
  readonly code?: string | undefined;
  readonly orderId?: string | undefined;
  readonly cursor?: number | undefined;
  readonly limit?: number | undefined;
}

/** Reads the ledger in its own processing order (`sequence`); codes match trimmed and case-folded. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  async page(query: LedgerQuery): Promise<LedgerPage> {
    const limit = query.limit ?? 100;
    const items = await this.ledger.list(this.dataSource.manager, {
      promotionId: query.promotionId,
      codeKey: codeKeyOf(query.code) ?? undefined,
      orderId: query.orderId,
      after: query.cursor ?? 0,
      limit,
    });
    const last = items[items.length - 1];
    return { items, nextCursor: items.length === limit && last ? last.sequence : null };
  }
}
