import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type CodeLookupAnswer, MAX_CODE_TOKEN_LENGTH } from '@promo/contracts/http';

const MAX_CUSTOMER_ID_LENGTH = 200;
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { type FieldError, RequiresScope, ValidationFailedError, ApiProblemResponses } from '@promo/platform';
import { ADDED_CODES_PAGE_EXAMPLE, CODE_LOOKUP_EXAMPLE, PUBLIC_CODES_EXAMPLE, SHARED_CODE_EXAMPLE } from '../docs/code-api.examples';
import { ADDED_CODES_PAGE_SCHEMA, CODE_LOOKUP_ANSWER_SCHEMA, PUBLIC_CODES_SCHEMA, SHARED_CODE_SCHEMA } from '../docs/code-api.schemas';
import { type AddedCodesPage, AddedCodesService } from './added-codes.service';
import { CodeLookupRateGuard } from './code-lookup-rate.guard';
import { CodeLookupService } from './code-lookup.service';
import { AddedCodesQuery } from './dto/added-codes.query';
import { CreateSharedCodeDto } from './dto/create-shared-code.dto';
import { type SharedCode, SharedCodesService } from './shared-codes.service';

@Controller('v1')
export class CodesController {
  constructor(
    private readonly lookups: CodeLookupService,
    private readonly sharedCodes: SharedCodesService,
    private readonly addedCodes: AddedCodesService,
  ) {}

  /** The storefront's hot path: two plain query parameters checked here rather than a DTO run through class-transformer. */
  @ApiResponse({
    status: 429,
    description: 'over CODE_LOOKUP_LIMIT_PER_KEY lookups of this storefront key, or CODE_LOOKUP_LIMIT_PER_CLIENT of this client address, in the window',
    headers: { 'Retry-After': { description: 'Seconds until the window ends', schema: { type: 'integer', minimum: 1 } } },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  })
  @ApiProblemResponses(400, 404)
  @ApiOkResponse({ description: 'the code, its state and whether the token binds it', schema: CODE_LOOKUP_ANSWER_SCHEMA, example: CODE_LOOKUP_EXAMPLE })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string', maxLength: MAX_CUSTOMER_ID_LENGTH }, description: 'The shopper, to check a bound code against (C10)' })
  @ApiQuery({ name: 'token', required: false, schema: { type: 'string', maxLength: MAX_CODE_TOKEN_LENGTH }, description: 'The email-link token the shopper came with' })
  @Get('codes/:code')
  @RequiresScope('storefront', 'code-lookup')
  @UseGuards(CodeLookupRateGuard)
  lookup(@Param('code') code: string, @Query('customerId') customerId: unknown, @Query('token') token: unknown): Promise<CodeLookupAnswer> {
    const errors = [optionalText('customerId', customerId, MAX_CUSTOMER_ID_LENGTH), optionalText('token', token, MAX_CODE_TOKEN_LENGTH)].flatMap((error) => (error === null ? [] : [error]));
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.lookups.lookup(code, typeof customerId === 'string' ? customerId : undefined, typeof token === 'string' ? token : undefined);
  }

  @ApiProblemResponses(400, 404, 409, 413)
  @ApiCreatedResponse({ description: 'the shared code, as stored', schema: SHARED_CODE_SCHEMA, example: SHARED_CODE_EXAMPLE })
  @Post('codes')
  @RequiresScope('admin')
  create(@Body() body: CreateSharedCodeDto): Promise<SharedCode> {
    return this.sharedCodes.create({ code: body.code, promotionId: body.promotionId, hidden: body.hidden ?? false });
  }

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: "the promotion's shared codes that are not hidden (C8); none for an unknown promotion", schema: PUBLIC_CODES_SCHEMA, example: PUBLIC_CODES_EXAMPLE })
  @Get('promotions/:promotionId/codes')
  @RequiresScope('storefront')
  async listPublic(@Param('promotionId') promotionId: string): Promise<{ readonly codes: readonly SharedCode[] }> {
    return { codes: await this.sharedCodes.listPublic(promotionId) };
  }

  /** The codes of a `code-inventory.codes-added` event's id range, for its subscribers; admin only (a list of valid codes). */
  @ApiProblemResponses(400, 404)
  @ApiOkResponse({ description: 'the codes of the range, in id order, with their current state', schema: ADDED_CODES_PAGE_SCHEMA, example: ADDED_CODES_PAGE_EXAMPLE })
  @Get('groups/:groupId/codes')
  @RequiresScope('admin')
  listAdded(@Param('groupId') groupId: string, @Query() query: AddedCodesQuery): Promise<AddedCodesPage> {
    return this.addedCodes.page(groupId, query.fromId, query.toId, query.limit);
  }
}

function optionalText(field: string, value: unknown, maxLength: number): FieldError | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') return { field, reason: 'invalid_type', detail: `${field} must be given once, as text` };
  return value.length > maxLength ? { field, reason: 'too_long', detail: `${field} must be at most ${maxLength} characters` } : null;
}
