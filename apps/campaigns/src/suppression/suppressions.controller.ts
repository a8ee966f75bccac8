import { applyDecorators, Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { PublicRoute, RequiresScope, ApiProblemResponses } from '@promo/platform';
import { AddSuppressionDto } from './dto/add-suppression.dto';
import { SUPPRESSION_EXAMPLE, SUPPRESSION_PAGE_EXAMPLE, UNSUBSCRIBE_CONFIRMATION_EXAMPLE, UNSUBSCRIBED_EXAMPLE } from '../docs/campaigns-api.examples';
import { ApiPageQueries, SUPPRESSION_PAGE_SCHEMA, SUPPRESSION_SCHEMA } from '../docs/campaigns-api.schemas';
import type { SuppressionEntity } from './suppression.entity';
import { type ListPage, parsePageRequest } from '../paging/list-page';
import { SuppressionsService } from './suppressions.service';
import { unsubscribeConfirmationPage, unsubscribedPage } from './unsubscribe-page';
import { parseUnsubscribeLink, requireOneClickBody } from './unsubscribe-request';

// The signed link's parameters (parseUnsubscribeLink): each once; a bad signature is a 400 naming sig.
const UNSUBSCRIBE_LINK = applyDecorators(
  ApiQuery({ name: 'email', required: true, description: 'The recipient the link was signed for', schema: { type: 'string', format: 'email' } }),
  ApiQuery({ name: 'sig', required: true, description: "The link's signature", schema: { type: 'string' } }),
);
const HTML_PAGE = (description: string, example: string): MethodDecorator => ApiOkResponse({ description, content: { 'text/html': { schema: { type: 'string' }, example } } });

@Controller('v1')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: 'the suppressed addresses, oldest first', schema: SUPPRESSION_PAGE_SCHEMA, example: SUPPRESSION_PAGE_EXAMPLE })
  @ApiPageQueries()
  @Get('suppressions')
  @RequiresScope('admin')
  list(@Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<ListPage<SuppressionEntity>> {
    return this.suppressions.list(parsePageRequest(limit, cursor));
  }

  @ApiProblemResponses(400, 413)
  @ApiCreatedResponse({ description: 'the address, suppressed (an address already suppressed is suppressed again, by the merchant)', schema: SUPPRESSION_SCHEMA, example: SUPPRESSION_EXAMPLE })
  @Post('suppressions')
  @RequiresScope('admin')
  @HttpCode(201)
  @ApiBody({ type: AddSuppressionDto })
  add(@Body() body: unknown): Promise<SuppressionEntity> {
    return this.suppressions.add(body);
  }

  @ApiProblemResponses(400, 404)
  @ApiNoContentResponse({ description: 'the address gets campaign emails again' })
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
  @ApiProduces('text/html')
  @HTML_PAGE('a page asking to confirm, whose button sends the one-click POST; nothing is unsubscribed yet', UNSUBSCRIBE_CONFIRMATION_EXAMPLE)
  @UNSUBSCRIBE_LINK
  @Get('unsubscribe')
  @PublicRoute()
  @Header('content-type', 'text/html; charset=utf-8')
  confirmUnsubscribe(@Query() query: Record<string, unknown>): string {
    const link = parseUnsubscribeLink(query);
    return unsubscribeConfirmationPage(this.suppressions.verifyUnsubscribeLink(link), link.sig);
  }

  /** RFC 8058 one-click unsubscribe: what a mail client sends for `List-Unsubscribe-Post`, and the confirmation page's button. */
  @ApiProblemResponses(400, 413)
  @ApiProduces('text/html')
  @HTML_PAGE('the address is suppressed; a page saying so', UNSUBSCRIBED_EXAMPLE)
  @UNSUBSCRIBE_LINK
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ description: 'RFC 8058 one-click: List-Unsubscribe=One-Click', schema: { type: 'object', required: ['List-Unsubscribe'], properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } } })
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
