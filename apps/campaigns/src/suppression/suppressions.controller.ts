import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { PublicRoute, RequiresScope, ApiProblemResponses } from '@promo/platform';
import { AddSuppressionDto } from './dto/add-suppression.dto';
import type { SuppressionEntity } from './suppression.entity';
import { type ListPage, parsePageRequest } from '../paging/list-page';
import { SuppressionsService } from './suppressions.service';
import { unsubscribeConfirmationPage, unsubscribedPage } from './unsubscribe-page';
import { parseUnsubscribeLink, requireOneClickBody } from './unsubscribe-request';

@Controller('v1')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  @ApiProblemResponses(400)
  @Get('suppressions')
  @RequiresScope('admin')
  list(@Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<ListPage<SuppressionEntity>> {
    return this.suppressions.list(parsePageRequest(limit, cursor));
  }

  @ApiProblemResponses(400, 409)
  @Post('suppressions')
  @RequiresScope('admin')
  @HttpCode(201)
  @ApiBody({ type: AddSuppressionDto })
  add(@Body() body: unknown): Promise<SuppressionEntity> {
    return this.suppressions.add(body);
  }

  @ApiProblemResponses(400, 404)
  @Delete('suppressions/:email')
  @RequiresScope('admin')
  @HttpCode(204)
  remove(@Param('email') email: string): Promise<void> {
    return this.suppressions.remove(email);
  }

  /**
   * The signed link in every email (K3); the signature stands in for an API key. A GET only shows a page
   * asking to confirm (link scanners and previews follow links); unsubscribing is the POST.
   */
  @ApiProblemResponses(400)
  @Get('unsubscribe')
  @PublicRoute()
  @Header('content-type', 'text/html; charset=utf-8')
  confirmUnsubscribe(@Query() query: Record<string, unknown>): string {
    const link = parseUnsubscribeLink(query);
    return unsubscribeConfirmationPage(this.suppressions.verifyUnsubscribeLink(link), link.sig);
  }

  /** RFC 8058 one-click unsubscribe: what a mail client sends for `List-Unsubscribe-Post`, and the confirmation page's button. */
  @ApiProblemResponses(400)
  @Post('unsubscribe')
  @PublicRoute()
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async unsubscribe(@Query() query: Record<string, unknown>, @Body() body: unknown): Promise<string> {
    const link = parseUnsubscribeLink(query);
    requireOneClickBody(body);
    return unsubscribedPage(await this.suppressions.unsubscribe(link));
  }
}
