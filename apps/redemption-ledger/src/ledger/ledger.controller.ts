import { Controller, Get, Query } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { type LedgerPage, LedgerService } from './ledger.service';

/** The ledger in its own processing order (`sequence`), filtered and paginated by cursor. */
@Controller('v1/ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @ApiProblemResponses(400)
  @Get()
  @RequiresScope('admin')
  list(@Query() query: LedgerQueryDto): Promise<LedgerPage> {
    return this.ledger.page(query);
  }
}
