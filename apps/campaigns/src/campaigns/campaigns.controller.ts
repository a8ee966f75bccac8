import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { RequiresScope } from '@promo/platform';
import { type CampaignView, CampaignsService } from './campaigns.service';
import { CampaignInputDto } from './dto/campaign-input.dto';
import { EmailPreviewDto } from './dto/email-preview.dto';
import { EmailPreviewService } from '../email/email-preview.service';
import type { RenderedEmail } from '../email/email.renderer';

@Controller('v1/campaigns')
@RequiresScope('admin')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly previews: EmailPreviewService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ type: CampaignInputDto })
  create(@Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.create(body);
  }

  @Put(':campaignId')
  @ApiBody({ type: CampaignInputDto })
  replace(@Param('campaignId') campaignId: string, @Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.replace(campaignId, body);
  }

  /** #25: the email a step would send for the cart in the body, issuing no code and sending nothing. */
  @Post(':campaignId/steps/:step/preview')
  @HttpCode(200)
  @ApiBody({ type: EmailPreviewDto })
  preview(@Param('campaignId') campaignId: string, @Param('step') step: string, @Body() body: unknown): Promise<RenderedEmail> {
    return this.previews.preview(campaignId, step, body);
  }

  @Get(':campaignId')
  get(@Param('campaignId') campaignId: string): Promise<CampaignView> {
    return this.campaigns.get(campaignId);
  }

  @Get()
  async list(): Promise<{ readonly items: readonly CampaignView[] }> {
    return { items: await this.campaigns.list() };
  }
}
