import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RequiresScope } from '@promo/platform';

/**
 * The price route's benchmark baseline (#21): the same method, body, JSON body parser, API-key guard with the
 * storefront scope, interceptors and error filter as `POST /v1/carts/price`, answering a fixed small body
 * without reading the cart or pricing it. What the benchmark measures beside it is then pricing's own work,
 * not the HTTP stack's. Registered only in a service started with PRICING_BENCH_BASELINE=1 (the benchmark's),
 * never by default, and left out of the API documents.
 */
@ApiExcludeController()
@Controller('v1')
export class PriceBaselineController {
  @Post('carts/price-baseline')
  @HttpCode(200)
  @RequiresScope('storefront')
  baseline(@Body() body: unknown): { readonly received: boolean } {
    return { received: typeof body === 'object' && body !== null };
  }
}
