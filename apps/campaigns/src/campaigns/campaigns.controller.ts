import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { type CampaignView, CampaignsService } from './campaigns.service';
import { CampaignInputDto } from './dto/campaign-input.dto';

@Controller('v1/campaigns')
@RequiresScope('admin')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @ApiProblemResponses(400, 409)
  @Post()
  @HttpCode(201)
  @ApiBody({ type: CampaignInputDto })
  create(@Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.create(body);
  }

  @ApiProblemResponses(400, 404)
  @Put(':campaignId')
  @ApiBody({ type: CampaignInputDto })
  replace(@Param('campaignId') campaignId: string, @Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.replace(campaignId, body);
  }

  @ApiProblemResponses(400, 404)
  @Get(':campaignId')
  get(@Param('campaignId') campaignId: string): Promise<CampaignView> {
    return this.campaigns.get(campaignId);
  }

  @Get()
  async list(): Promise<{ readonly items: readonly CampaignView[] }> {
    return { items: await this.campaigns.list() };
  }
}
