import { ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProblemResponses, type HttpReply, RequiresScope } from '@promo/platform';
import { PROMOTION_LIST_EXAMPLE, PROMOTION_PAGE_EXAMPLE, PROMOTION_VIEW_EXAMPLE } from '../docs/admin-api.examples';
import { PROMOTION_BODY_REF, PROMOTION_LIST_SCHEMA, PROMOTION_PAGE_SCHEMA, PROMOTION_VIEW_REF } from '../docs/admin-api.schemas';
import { ListPromotionsQuery } from './dto/list-promotions.query';
import { ReorderPrioritiesDto } from './dto/reorder-priorities.dto';
import { etagOf, expectedVersion } from './expected-version';
import type { PromotionView } from '@promo/contracts/http';
import { PromotionsService } from './promotions.service';

// The OpenAPI side of the routes (#24): what each answers, from the contracts' schema files (docs/admin-api.schemas.ts).
const ETAG = { ETag: { description: 'The version of the promotion answered, quoted ("3"): send it as If-Match to change it', schema: { type: 'string' } } };
const IF_MATCH = ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read ("3" or W/"3"): a stale one is a 409; without it the write is unconditional' });
const ID = ApiParam({ name: 'id', description: 'The promotion id' });
const VIEW = { description: 'the promotion', schema: PROMOTION_VIEW_REF, headers: ETAG, example: PROMOTION_VIEW_EXAMPLE };

/** The admin API of promotions (X3): the engine's shape, validated by the engine, with optimistic concurrency. */
@Controller('v1')
@RequiresScope('admin')
export class PromotionsController {
  constructor(private readonly promotions: PromotionsService) {}

  // 409: the id or a shared code is taken (C2); 503: code-inventory could not say whether the codes are free.
  @ApiProblemResponses(400, 409, 413, 503)
  @ApiCreatedResponse({ ...VIEW, description: 'the promotion created, at version 1' })
  @Post('promotions')
  @ApiBody({ schema: PROMOTION_BODY_REF })
  @HttpCode(201)
  async create(@Body() body: unknown, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.create(body));
  }

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: 'one page of the promotions matching the filters', schema: PROMOTION_PAGE_SCHEMA, example: PROMOTION_PAGE_EXAMPLE })
  @Get('promotions')
  async list(@Query() query: ListPromotionsQuery): Promise<{ items: PromotionView[]; total: number; limit: number; offset: number }> {
    return this.promotions.list({
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.channel === undefined ? {} : { channel: query.channel }),
      ...(query.currency === undefined ? {} : { currency: query.currency }),
      ...(query.q === undefined ? {} : { search: query.q }),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @ApiProblemResponses(404)
  @ApiOkResponse(VIEW)
  @ID
  @Get('promotions/:id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.get(id));
  }

  @ApiProblemResponses(400, 404, 409, 413, 503)
  @ApiOkResponse({ ...VIEW, description: 'the promotion replaced, at its next version' })
  @ID
  @IF_MATCH
  @Put('promotions/:id')
  @ApiBody({ schema: PROMOTION_BODY_REF })
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.update(id, body, expectedVersion(ifMatch, body)));
  }

  @ApiProblemResponses(400, 404, 409)
  @ApiOkResponse({ ...VIEW, description: 'the promotion enabled, at its next version' })
  @ID
  @IF_MATCH
  @Post('promotions/:id/enable')
  @HttpCode(200)
  async enable(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.setEnabled(id, true, expectedVersion(ifMatch)));
  }

  @ApiProblemResponses(400, 404, 409)
  @ApiOkResponse({ ...VIEW, description: 'the promotion disabled, at its next version' })
  @ID
  @IF_MATCH
  @Post('promotions/:id/disable')
  @HttpCode(200)
  async disable(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.setEnabled(id, false, expectedVersion(ifMatch)));
  }

  @ApiProblemResponses(400, 404, 409)
  @ApiNoContentResponse({ description: 'the promotion deleted' })
  @ID
  @IF_MATCH
  @Delete('promotions/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.promotions.remove(id, expectedVersion(ifMatch));
  }

  // 404: a listed promotion does not exist; 409: a stale version or a coupon (only automatic promotions have a priority).
  @ApiProblemResponses(400, 404, 409, 413)
  @ApiOkResponse({ description: 'the promotions reordered, each at its next version, in the order given', schema: PROMOTION_LIST_SCHEMA, example: PROMOTION_LIST_EXAMPLE })
  @Put('promotion-priorities')
  async reorder(@Body() body: ReorderPrioritiesDto): Promise<{ items: PromotionView[] }> {
    const items = await this.promotions.reorder(body.priorities.map((p) => ({ id: p.id, priority: p.priority, version: p.version ?? null })));
    return { items };
  }

  private withEtag(response: HttpReply, view: PromotionView): PromotionView {
    response.header('ETag', etagOf(view.version));
    return view;
  }
}
