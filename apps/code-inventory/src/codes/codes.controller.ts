import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { RequiresScope } from '@promo/platform';
import { type CodeLookup, CodeLookupService } from './code-lookup.service';
import { CreateSharedCodeDto } from './dto/create-shared-code.dto';
import { LookupCodeQuery } from './dto/lookup-code.query';
import { type SharedCode, SharedCodesService } from './shared-codes.service';

@Controller('v1')
export class CodesController {
  constructor(
    private readonly lookups: CodeLookupService,
    private readonly sharedCodes: SharedCodesService,
  ) {}

  @Get('codes/:code')
  @RequiresScope('storefront')
  lookup(@Param('code') code: string, @Query() query: LookupCodeQuery): Promise<CodeLookup> {
    return this.lookups.lookup(code, query.customerId, query.token);
  }

  @Post('codes')
  @RequiresScope('admin')
  create(@Body() body: CreateSharedCodeDto): Promise<SharedCode> {
    return this.sharedCodes.create({ code: body.code, promotionId: body.promotionId, hidden: body.hidden ?? false });
  }

  @Get('promotions/:promotionId/codes')
  @RequiresScope('storefront')
  async listPublic(@Param('promotionId') promotionId: string): Promise<{ readonly codes: readonly SharedCode[] }> {
    return { codes: await this.sharedCodes.listPublic(promotionId) };
  }
}
