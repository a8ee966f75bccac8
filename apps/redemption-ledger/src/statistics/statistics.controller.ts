import { Controller, Get, Param, Query } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { type OrderStatistics, StatisticsService, type UsageStatistics } from './statistics.service';

@Controller('v1/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @ApiProblemResponses(400)
  @Get('promotions/:promotionId')
  @RequiresScope('admin')
  forPromotion(@Param('promotionId') promotionId: string, @Query() query: StatisticsQueryDto): Promise<UsageStatistics> {
    return this.statistics.forPromotion(promotionId, { cursor: query.cursor, limit: query.limit ?? 31 });
  }

  @ApiProblemResponses(400)
  @Get('codes/:code')
  @RequiresScope('admin')
  forCode(@Param('code') code: string, @Query() query: StatisticsQueryDto): Promise<UsageStatistics> {
    return this.statistics.forCode(code, { cursor: query.cursor, limit: query.limit ?? 31 });
  }

  @Get('orders')
  @RequiresScope('admin')
  orders(): Promise<OrderStatistics> {
    return this.statistics.orders();
  }
}
