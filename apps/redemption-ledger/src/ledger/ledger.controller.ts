import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { LEDGER_PAGE_EXAMPLE } from '../docs/ledger-api.examples';
import { LEDGER_PAGE_SCHEMA } from '../docs/ledger-api.schemas';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { type LedgerPage, LedgerService } from './ledger.service';

/** The ledger in its own processing order (`sequence`), filtered and paginated by cursor. */
@Controller('v1/ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: 'a page of ledger entries, oldest first', schema: LEDGER_PAGE_SCHEMA, example: LEDGER_PAGE_EXAMPLE })
  @Get()
  @RequiresScope('admin')
  list(@Query() query: LedgerQueryDto): Promise<LedgerPage> {
    return this.ledger.page(query);
  }
}
