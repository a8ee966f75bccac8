import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse } from '@nestjs/swagger';
import { PROMOTION_CHANGE_RESULT_EXAMPLE } from '../docs/ledger-api.examples';
import { PROMOTION_CHANGE_RESULT_SCHEMA, PROMOTION_CHANGE_SCHEMA } from '../docs/ledger-api.schemas';
import { RequiresScope, ValidationFailedError, ApiProblemResponses } from '@promo/platform';
import { isPromotionChangedData, promotionChangeFieldErrors } from './promotion-change.validation';
import { type LimitsChangeResult, PromotionLimitsService } from './promotion-limits.service';

/** The same payload as `pricing.promotion-changed`, for setups and tests until pricing publishes it (L1). */
@Controller('v1/promotion-changes')
export class PromotionChangesController {
  constructor(private readonly limits: PromotionLimitsService) {}

  @ApiProblemResponses(400, 413)
  @ApiOkResponse({ description: "the limits applied, or ignored when the ledger holds a version at least as new", schema: PROMOTION_CHANGE_RESULT_SCHEMA, example: PROMOTION_CHANGE_RESULT_EXAMPLE })
  @Post()
  @ApiBody({ schema: PROMOTION_CHANGE_SCHEMA })
  @HttpCode(200)
  @RequiresScope('admin')
  async apply(@Body() body: unknown): Promise<LimitsChangeResult> {
    if (!isPromotionChangedData(body)) throw new ValidationFailedError(promotionChangeFieldErrors(body));
    return this.limits.applyChangeNow(body);
  }
}
