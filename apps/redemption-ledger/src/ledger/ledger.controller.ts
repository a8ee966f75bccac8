import { Controller, Get, Query } from '@nestjs/common';
import { RequiresScope } from '@promo/platform';
import { DataSource } from 'typeorm';
import { normalizeCode } from '../usage/usage-keys';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import type { LedgerEntryView } from './ledger-entry';
import { LedgerRepository } from './ledger.repository';

export interface LedgerPage {
  readonly items: readonly LedgerEntryView[];
  /** Pass as `cursor` for the next page; null when this page is the last. */
  readonly nextCursor: number | null;
}

/** The ledger in its own processing order (`sequence`), filtered and paginated by cursor. */
@Controller('v1/ledger')
export class LedgerController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  @Get()
  @RequiresScope('admin')
  async list(@Query() query: LedgerQueryDto): Promise<LedgerPage> {
    const limit = query.limit ?? 100;
    const items = await this.ledger.list(this.dataSource.manager, {
      promotionId: query.promotionId,
      codeKey: normalizeCode(query.code) ?? undefined,
      orderId: query.orderId,
      after: query.cursor ?? 0,
      limit,
    });
    const last = items[items.length - 1];
    return { items, nextCursor: items.length === limit && last ? last.sequence : null };
  }
}
