import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiParam, getSchemaPath } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { type CampaignView, CampaignsService } from './campaigns.service';
import { CampaignInputDto } from './dto/campaign-input.dto';
import { EmailPreviewService } from '../email/email-preview.service';
import type { RenderedEmail } from '../email/email.renderer';
import { CAMPAIGN_EXAMPLE, CAMPAIGN_LIST_EXAMPLE, EMAIL_PREVIEW_REQUEST_EXAMPLE, RENDERED_EMAIL_EXAMPLE } from '../docs/campaigns-api.examples';
import { EMAIL_PREVIEW_REQUEST_SCHEMA, RENDERED_EMAIL_SCHEMA } from '../docs/campaigns-api.schemas';

// A campaign is answered as it was sent, with enabled filled in (toCampaignView): one documented shape for both.
const CAMPAIGN = { description: 'the campaign as stored', type: CampaignInputDto, example: CAMPAIGN_EXAMPLE };

@Controller('v1/campaigns')
@RequiresScope('admin')
@ApiExtraModels(CampaignInputDto)
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly previews: EmailPreviewService,
  ) {}

  @ApiProblemResponses(400, 409, 413)
  @Post()
  @HttpCode(201)
  @ApiBody({ type: CampaignInputDto, examples: { 'an abandoned-cart campaign of two emails': { value: CAMPAIGN_EXAMPLE } } })
  @ApiCreatedResponse(CAMPAIGN)
  create(@Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.create(body);
  }

  @ApiProblemResponses(400, 404, 413)
  @Put(':campaignId')
  @ApiBody({ type: CampaignInputDto })
  @ApiOkResponse(CAMPAIGN)
  replace(@Param('campaignId') campaignId: string, @Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.replace(campaignId, body);
  }

  /** #25: the email a step would send for the cart in the body, issuing no code and sending nothing. */
  @ApiProblemResponses(400, 404, 413)
  @Post(':campaignId/steps/:step/preview')
  @HttpCode(200)
  @ApiParam({ name: 'step', description: 'The step to render, 1 for the first (a retention campaign has only 1)', schema: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' } })
  @ApiBody({ schema: EMAIL_PREVIEW_REQUEST_SCHEMA, examples: { 'a cart of one line': { value: EMAIL_PREVIEW_REQUEST_EXAMPLE } } })
  @ApiOkResponse({ description: 'the email the step would send for this cart: a placeholder for each code, nothing issued or sent', schema: RENDERED_EMAIL_SCHEMA, example: RENDERED_EMAIL_EXAMPLE })
  preview(@Param('campaignId') campaignId: string, @Param('step') step: string, @Body() body: unknown): Promise<RenderedEmail> {
    return this.previews.preview(campaignId, step, body);
  }

  @ApiProblemResponses(400, 404)
  @Get(':campaignId')
  @ApiOkResponse(CAMPAIGN)
  get(@Param('campaignId') campaignId: string): Promise<CampaignView> {
    return this.campaigns.get(campaignId);
  }

  @Get()
  @ApiOkResponse({ description: 'every campaign', example: CAMPAIGN_LIST_EXAMPLE, schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: getSchemaPath(CampaignInputDto) } } } } })
  async list(): Promise<{ readonly items: readonly CampaignView[] }> {
    return { items: await this.campaigns.list() };
  }
}
