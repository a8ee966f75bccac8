import { Controller, Get, Param, Query, Redirect } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PublicRoute, RequiresScope, ApiProblemResponses } from '@promo/platform';
import { type StepStatistics, StatisticsService } from './statistics.service';

@Controller('v1')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics/campaigns')
  @RequiresScope('admin')
  async all(): Promise<{ readonly items: readonly StepStatistics[] }> {
    return { items: await this.statistics.perStep() };
  }

  @ApiProblemResponses(400)
  @Get('statistics/campaigns/:campaignId')
  @RequiresScope('admin')
  async one(@Param('campaignId') campaignId: string): Promise<{ readonly items: readonly StepStatistics[] }> {
    return { items: await this.statistics.perStep(campaignId) };
  }

  /** Every link of an email goes through here (signed), so opened links can be counted (K5). */
  @ApiProblemResponses(400)
  @ApiResponse({ status: 302, description: 'to the link target, the open counted', headers: { Location: { description: 'the link target', schema: { type: 'string' } } } })
  @Get('links/:emailId')
  @PublicRoute()
  @Redirect()
  async follow(@Param('emailId') emailId: string, @Query('to') to?: string, @Query('sig') sig?: string): Promise<{ readonly url: string; readonly statusCode: number }> {
    return { url: await this.statistics.open(emailId, to, sig), statusCode: 302 };
  }
}
