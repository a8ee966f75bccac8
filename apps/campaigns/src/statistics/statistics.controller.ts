import { Controller, Get, Param, Query, Redirect } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { PublicRoute, RequiresScope, ApiProblemResponses } from '@promo/platform';
import { type StepStatistics, StatisticsService } from './statistics.service';
import { STATISTICS_EXAMPLE } from '../docs/campaigns-api.examples';
import { STATISTICS_SCHEMA } from '../docs/campaigns-api.schemas';

@Controller('v1')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @ApiOkResponse({ description: 'every campaign step that sent an email', schema: STATISTICS_SCHEMA, example: STATISTICS_EXAMPLE })
  @Get('statistics/campaigns')
  @RequiresScope('admin')
  async all(): Promise<{ readonly items: readonly StepStatistics[] }> {
    return { items: await this.statistics.perStep() };
  }

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: "the campaign's steps that sent an email; none for an unknown campaign", schema: STATISTICS_SCHEMA, example: STATISTICS_EXAMPLE })
  @Get('statistics/campaigns/:campaignId')
  @RequiresScope('admin')
  async one(@Param('campaignId') campaignId: string): Promise<{ readonly items: readonly StepStatistics[] }> {
    return { items: await this.statistics.perStep(campaignId) };
  }

  /** Every link of an email goes through here (signed), so opened links can be counted (K5). */
  @ApiProblemResponses(400)
  @ApiResponse({ status: 302, description: 'to the link target, the open counted', headers: { Location: { description: 'the link target', schema: { type: 'string' } } } })
  @ApiQuery({ name: 'to', required: true, description: 'The link target, as the email was sent with it', schema: { type: 'string', format: 'uri' } })
  @ApiQuery({ name: 'sig', required: true, description: 'The signature of the email id and target; a link not signed by this service is a 400', schema: { type: 'string' } })
  @Get('links/:emailId')
  @PublicRoute()
  @Redirect()
  async follow(@Param('emailId') emailId: string, @Query('to') to?: string, @Query('sig') sig?: string): Promise<{ readonly url: string; readonly statusCode: number }> {
    return { url: await this.statistics.open(emailId, to, sig), statusCode: 302 };
  }
}
