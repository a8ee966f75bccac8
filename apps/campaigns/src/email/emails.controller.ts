import { Controller, Get, Query } from '@nestjs/common';
import { RequiresScope } from '@promo/platform';
import { type EmailView, EmailsService } from './emails.service';

@Controller('v1/emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get()
  @RequiresScope('admin')
  async list(
    @Query('kind') kind?: string,
    @Query('cartId') cartId?: string,
    @Query('customerId') customerId?: string,
    @Query('campaignId') campaignId?: string,
  ): Promise<{ readonly items: readonly EmailView[] }> {
    return { items: await this.emails.list({ ...(kind ? { kind } : {}), ...(cartId ? { cartId } : {}), ...(customerId ? { customerId } : {}), ...(campaignId ? { campaignId } : {}) }) };
  }
}
