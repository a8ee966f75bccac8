import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { RegisterSharedCodesDto } from './dto/register-shared-codes.dto';
import { type RegisteredSharedCodes, SharedCodeRegistry } from './shared-code-registry.service';

/** Pricing's registration of a coupon's shared codes before it saves the promotion (#19.4; apps/code-inventory/README.md). */
@Controller('v1/promotions/:promotionId/shared-codes')
// Pricing registers its coupons' shared codes here with its code-lookup key (#19.4: it holds no admin key).
@RequiresScope('admin', 'code-lookup')
export class SharedCodesController {
  constructor(private readonly registry: SharedCodeRegistry) {}

  @ApiProblemResponses(400, 409)
  @Put()
  @HttpCode(200)
  register(@Param('promotionId') promotionId: string, @Body() body: RegisterSharedCodesDto): Promise<RegisteredSharedCodes> {
    return this.registry.register(promotionId, body.version, body.codes);
  }
}
