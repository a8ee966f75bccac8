import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ORDER_STATISTICS_EXAMPLE, USAGE_STATISTICS_EXAMPLE } from '../docs/ledger-api.examples';
import { ORDER_STATISTICS_SCHEMA, USAGE_STATISTICS_SCHEMA } from '../docs/ledger-api.schemas';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { type OrderStatistics, StatisticsService, type UsageStatistics } from './statistics.service';

@Controller('v1/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: "the promotion's redemptions, figures per currency and uses per day", schema: USAGE_STATISTICS_SCHEMA, example: USAGE_STATISTICS_EXAMPLE })
  @Get('promotions/:promotionId')
  @RequiresScope('admin')
  forPromotion(@Param('promotionId') promotionId: string, @Query() query: StatisticsQueryDto): Promise<UsageStatistics> {
    return this.statistics.forPromotion(promotionId, { cursor: query.cursor, limit: query.limit ?? 31, timeZone: query.timeZone ?? 'UTC' });
  }

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: "the code's redemptions, figures per currency and uses per day", schema: USAGE_STATISTICS_SCHEMA, example: { ...USAGE_STATISTICS_EXAMPLE, subject: { code: 'SUMMER10' } } })
  @Get('codes/:code')
  @RequiresScope('admin')
  forCode(@Param('code') code: string, @Query() query: StatisticsQueryDto): Promise<UsageStatistics> {
    return this.statistics.forCode(code, { cursor: query.cursor, limit: query.limit ?? 31, timeZone: query.timeZone ?? 'UTC' });
  }

  @ApiOkResponse({ description: 'every order read, with or without a promotion, and their totals per currency', schema: ORDER_STATISTICS_SCHEMA, example: ORDER_STATISTICS_EXAMPLE })
  @Get('orders')
  @RequiresScope('admin')
  orders(): Promise<OrderStatistics> {
    return this.statistics.orders();
  }
}
