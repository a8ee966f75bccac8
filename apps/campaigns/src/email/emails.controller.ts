import { Controller, Get, Query } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { type ListPage, parsePageRequest } from '../paging/list-page';
import { type EmailView, EmailsService } from './emails.service';

@Controller('v1/emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @ApiProblemResponses(400)
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
