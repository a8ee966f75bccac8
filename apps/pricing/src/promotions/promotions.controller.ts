import { ApiBody } from '@nestjs/swagger';
import { PromotionBodyDoc } from '../docs/request-bodies.doc';
import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { type HttpReply, RequiresScope } from '@promo/platform';
import { ListPromotionsQuery } from './dto/list-promotions.query';
import { ReorderPrioritiesDto } from './dto/reorder-priorities.dto';
import { etagOf, expectedVersion } from './expected-version';
import type { PromotionView } from '@promo/contracts/http';
import { PromotionsService } from './promotions.service';

/** The admin API of promotions (X3): the engine's shape, validated by the engine, with optimistic concurrency. */
@Controller('v1')
@RequiresScope('admin')
export class PromotionsController {
  constructor(private readonly promotions: PromotionsService) {}

  @Post('promotions')
  @ApiBody({ type: PromotionBodyDoc })
  @HttpCode(201)
  async create(@Body() body: unknown, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.create(body));
  }

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

  @Get('promotions/:id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.get(id));
  }

  @Put('promotions/:id')
  @ApiBody({ type: PromotionBodyDoc })
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.update(id, body, expectedVersion(ifMatch, body)));
  }

  @Post('promotions/:id/enable')
  @HttpCode(200)
  async enable(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.setEnabled(id, true, expectedVersion(ifMatch)));
  }

  @Post('promotions/:id/disable')
  @HttpCode(200)
  async disable(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: HttpReply): Promise<PromotionView> {
    return this.withEtag(response, await this.promotions.setEnabled(id, false, expectedVersion(ifMatch)));
  }

  @Delete('promotions/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.promotions.remove(id, expectedVersion(ifMatch));
  }

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
