import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { EMAIL_PAGE_EXAMPLE } from '../docs/campaigns-api.examples';
import { ApiPageQueries, EMAIL_PAGE_SCHEMA } from '../docs/campaigns-api.schemas';
import { type ListPage, parsePageRequest } from '../paging/list-page';
import { type EmailView, EmailsService } from './emails.service';

@Controller('v1/emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: 'the emails that match every filter given, by due time', schema: EMAIL_PAGE_SCHEMA, example: EMAIL_PAGE_EXAMPLE })
  @ApiQuery({ name: 'kind', required: false, enum: ['abandoned_cart', 'retention'] })
  @ApiQuery({ name: 'cartId', required: false, type: String })
  @ApiQuery({ name: 'customerId', required: false, type: String })
  @ApiQuery({ name: 'campaignId', required: false, type: String })
  @ApiPageQueries()
  @Get()
  @RequiresScope('admin')
  async list(
    @Query('kind') kind?: string,
    @Query('cartId') cartId?: string,
    @Query('customerId') customerId?: string,
    @Query('campaignId') campaignId?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<ListPage<EmailView>> {
    const page = parsePageRequest(limit, cursor);
    return this.emails.list({ ...(kind ? { kind } : {}), ...(cartId ? { cartId } : {}), ...(customerId ? { customerId } : {}), ...(campaignId ? { campaignId } : {}) }, page);
  }
}
