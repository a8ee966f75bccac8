import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse } from '@nestjs/swagger';
import { RequiresScope, ValidationFailedError, ApiProblemResponses } from '@promo/platform';
import { IMPACT_REPORT_EXAMPLE } from '../docs/admin-api.examples';
import { IMPACT_REPORT_SCHEMA } from '../docs/admin-api.schemas';
import { PRICE_REQUEST_EXAMPLE, PRICED_CART_EXAMPLE } from '../docs/price-api.examples';
import { PRICE_REQUEST_SCHEMA, PRICED_CART_SCHEMA } from '../docs/price-api.schemas';
import { DryRunBodyDoc } from '../docs/request-bodies.doc';
import { ImpactRequestDto } from '../impact/dto/impact-request.dto';
import { type ImpactReport, ImpactService } from '../impact/impact.service';
import { CartPricingService } from './cart-pricing.service';
import { DryRunService } from './dry-run.service';
import { parsePriceRequest } from './price-request';
import type { PricedCart } from './priced-cart';

/** The price API (storefront), its dry-run and the impact preview (admin). */
@Controller('v1')
export class CartsController {
  constructor(
    private readonly pricing: CartPricingService,
    private readonly dryRuns: DryRunService,
    private readonly impact: ImpactService,
  ) {}

  @ApiProblemResponses(400, 413, 503)
  @Post('carts/price')
  @ApiBody({ schema: PRICE_REQUEST_SCHEMA, examples: { 'a cart with a code': { value: PRICE_REQUEST_EXAMPLE } } })
  @ApiOkResponse({ description: 'the priced cart; a code that did not apply is data here (P10), not an error', schema: PRICED_CART_SCHEMA, example: PRICED_CART_EXAMPLE })
  @HttpCode(200)
  @RequiresScope('storefront')
  async price(@Body() body: unknown): Promise<PricedCart> {
    const parsed = parsePriceRequest(body);
    if (!parsed.ok) throw new ValidationFailedError(parsed.errors);
    return this.pricing.price(parsed.request.cart, parsed.request.token, { remember: true });
  }

  @ApiProblemResponses(400, 413)
  @Post('carts/price/dry-run')
  @ApiBody({ type: DryRunBodyDoc })
  @ApiOkResponse({ description: 'the cart priced with the drafts, nothing remembered', schema: PRICED_CART_SCHEMA, example: PRICED_CART_EXAMPLE })
  @HttpCode(200)
  @RequiresScope('admin')
  async dryRun(@Body() body: unknown): Promise<PricedCart> {
    return this.dryRuns.dryRun(body);
  }

  @ApiProblemResponses(400, 413)
  @ApiOkResponse({ description: 'what the drafts would change over the most recent priced carts; nothing is saved', schema: IMPACT_REPORT_SCHEMA, example: IMPACT_REPORT_EXAMPLE })
  @Post('promotions/impact')
  @HttpCode(200)
  @RequiresScope('admin')
  async preview(@Body() body: ImpactRequestDto): Promise<ImpactReport> {
    return this.impact.preview(body.promotions, body.carts ?? 100);
  }
}
