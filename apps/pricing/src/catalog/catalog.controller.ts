import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiProblemResponses, RequiresScope } from '@promo/platform';
import { CatalogService, type SeenProducts, type SeenValues } from './catalog.service';
import { CatalogSeenQuery } from './dto/catalog-seen.query';
import { SEEN_KINDS } from './seen-values';

const SEEN_VALUES_SCHEMA = {
  type: 'object',
  required: ['kind', 'name', 'cartsExamined', 'values'],
  properties: {
    kind: { type: 'string', enum: [...SEEN_KINDS] },
    name: { type: 'string', nullable: true },
    cartsExamined: { type: 'integer', minimum: 0 },
    values: { type: 'array', items: { type: 'object', required: ['value', 'lines'], properties: { value: { type: 'string' }, lines: { type: 'integer', minimum: 1 } } } },
  },
};

const SEEN_PRODUCTS_SCHEMA = {
  type: 'object',
  required: ['cartsExamined', 'products'],
  properties: {
    cartsExamined: { type: 'integer', minimum: 0 },
    products: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sku', 'productId', 'variantId', 'categories', 'brand', 'currency', 'unitPrice'],
        properties: {
          sku: { type: 'string' },
          productId: { type: 'string' },
          variantId: { type: 'string', nullable: true },
          categories: { type: 'array', items: { type: 'string' } },
          brand: { type: 'string', nullable: true },
          currency: { type: 'string' },
          unitPrice: { type: 'integer', minimum: 0, description: 'minor units' },
        },
      },
    },
  },
};

/** Admin: what the recent carts carried, so the console suggests products, categories, brands… the store really sells. */
@Controller('v1/catalog')
@RequiresScope('admin')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @ApiProblemResponses(400)
  @Get('seen')
  @ApiOkResponse({ description: 'the distinct values of one filter key on the lines of the most recent priced carts, most lines first', schema: SEEN_VALUES_SCHEMA })
  async seen(@Query() query: CatalogSeenQuery): Promise<SeenValues> {
    return this.catalog.values(query.kind ?? 'category', query.name ?? null, query.carts ?? 500, query.limit ?? 200);
  }

  @ApiProblemResponses(400)
  @Get('seen-products')
  @ApiOkResponse({ description: 'the latest line of each SKU and currency in the most recent priced carts, newest first', schema: SEEN_PRODUCTS_SCHEMA })
  async products(@Query() query: CatalogSeenQuery): Promise<SeenProducts> {
    return this.catalog.products(query.carts ?? 500, query.limit ?? 200);
  }
}
