import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CUSTOMER_ISSUANCE_EXAMPLE, GROUP_CUSTOMERS_PAGE_EXAMPLE, ISSUE_BATCH_EXAMPLE, ISSUE_RESULT_EXAMPLE } from '../docs/code-api.examples';
import { CUSTOMER_ISSUANCE_SCHEMA, GROUP_CUSTOMERS_PAGE_SCHEMA, ISSUE_BATCH_ANSWER_SCHEMA, ISSUE_RESULT_SCHEMA } from '../docs/code-api.schemas';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { IssueBatchDto } from './dto/issue-batch.dto';
import { IssueCodeDto } from './dto/issue-code.dto';
import { PageQuery } from './dto/page.query';
import { type CustomerIssuance, IssuanceHistoryService } from './issuance-history.service';
import type { IssueResult } from '@promo/contracts/http';
import { IssuingService } from './issuing.service';

@Controller('v1')
@RequiresScope('admin')
export class IssuingController {
  constructor(
    private readonly issuing: IssuingService,
    private readonly history: IssuanceHistoryService,
  ) {}

  @ApiProblemResponses(400, 404, 409, 413)
  @ApiOkResponse({ description: 'the code issued, or every field null when the group has none to give', schema: ISSUE_RESULT_SCHEMA, example: ISSUE_RESULT_EXAMPLE })
  @Post('groups/:groupId/issue')
  @RequiresScope('admin', 'code-issue')
  @HttpCode(200)
  issue(@Param('groupId') groupId: string, @Body() body: IssueCodeDto): Promise<IssueResult> {
    return this.issuing.issue(groupId, body.customerId, body.mode, body.bindToCustomer ?? false);
  }

  /** The answers in request order, each as the single issue answers it (campaigns issue a page of emails' codes at once). */
  @ApiProblemResponses(400, 404, 409, 413)
  @ApiOkResponse({ description: 'each request answered as the single issue answers it, in request order', schema: ISSUE_BATCH_ANSWER_SCHEMA, example: ISSUE_BATCH_EXAMPLE })
  @Post('groups/:groupId/issue-batch')
  @RequiresScope('admin', 'code-issue')
  @HttpCode(200)
  async issueBatch(@Param('groupId') groupId: string, @Body() body: IssueBatchDto): Promise<{ readonly results: readonly IssueResult[] }> {
    const requests = body.requests.map((request) => ({ customerId: request.customerId, mode: request.mode, bindToCustomer: request.bindToCustomer ?? false }));
    return { results: await this.issuing.issueBatch(groupId, requests) };
  }

  @ApiProblemResponses(400, 404)
  @ApiOkResponse({ description: 'the customers the group issued codes to, by customerId', schema: GROUP_CUSTOMERS_PAGE_SCHEMA, example: GROUP_CUSTOMERS_PAGE_EXAMPLE })
  @Get('groups/:groupId/customers')
  customersOfGroup(@Param('groupId') groupId: string, @Query() query: PageQuery): ReturnType<IssuanceHistoryService['customersOfGroup']> {
    return this.history.customersOfGroup(groupId, { after: query.after, limit: query.limit ?? 100, minCodes: query.minCodes ?? 1 });
  }

  @ApiProblemResponses(400)
  @ApiOkResponse({ description: "the customer's issues, in issue order; none for a customer never issued a code", schema: CUSTOMER_ISSUANCE_SCHEMA, example: CUSTOMER_ISSUANCE_EXAMPLE })
  @Get('customers/:customerId/codes')
  ofCustomer(@Param('customerId') customerId: string): Promise<CustomerIssuance> {
    return this.history.ofCustomer(customerId);
  }
}
