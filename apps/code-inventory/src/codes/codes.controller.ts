import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { type FieldError, RequiresScope, ValidationFailedError } from '@promo/platform';
import { type CodeLookup, CodeLookupService } from './code-lookup.service';
import { CreateSharedCodeDto } from './dto/create-shared-code.dto';
import { type SharedCode, SharedCodesService } from './shared-codes.service';

@Controller('v1')
export class CodesController {
  constructor(
    private readonly lookups: CodeLookupService,
    private readonly sharedCodes: SharedCodesService,
  ) {}

  /** The storefront's hot path: two plain query parameters checked here rather than a DTO run through class-transformer. */
  @Get('codes/:code')
  @RequiresScope('storefront')
  lookup(@Param('code') code: string, @Query('customerId') customerId: unknown, @Query('token') token: unknown): Promise<CodeLookup> {
    const errors = [optionalText('customerId', customerId, 200), optionalText('token', token, 1000)].flatMap((error) => (error === null ? [] : [error]));
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.lookups.lookup(code, typeof customerId === 'string' ? customerId : undefined, typeof token === 'string' ? token : undefined);
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

function optionalText(field: string, value: unknown, maxLength: number): FieldError | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') return { field, reason: 'invalid_type', detail: `${field} must be given once, as text` };
  return value.length > maxLength ? { field, reason: 'too_long', detail: `${field} must be at most ${maxLength} characters` } : null;
}
