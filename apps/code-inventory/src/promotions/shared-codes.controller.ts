import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { REGISTERED_SHARED_CODES_EXAMPLE } from '../docs/code-api.examples';
import { REGISTERED_SHARED_CODES_SCHEMA } from '../docs/code-api.schemas';
import { RegisterSharedCodesDto } from './dto/register-shared-codes.dto';
import { type RegisteredSharedCodes, SharedCodeRegistry } from './shared-code-registry.service';

/** Pricing's registration of a coupon's shared codes before it saves the promotion (#19.4; apps/code-inventory/README.md). */
@Controller('v1/promotions/:promotionId/shared-codes')
// Pricing registers its coupons' shared codes here with its code-lookup key (#19.4: it holds no admin key).
@RequiresScope('admin', 'code-lookup')
export class SharedCodesController {
  constructor(private readonly registry: SharedCodeRegistry) {}

  @ApiProblemResponses(400, 409, 413)
  @ApiOkResponse({ description: 'the shared codes the promotion holds now', schema: REGISTERED_SHARED_CODES_SCHEMA, example: REGISTERED_SHARED_CODES_EXAMPLE })
  @Put()
  @HttpCode(200)
  register(@Param('promotionId') promotionId: string, @Body() body: RegisterSharedCodesDto): Promise<RegisteredSharedCodes> {
    return this.registry.register(promotionId, body.version, body.codes);
  }
}
