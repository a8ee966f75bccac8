import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupsService } from '../groups/groups.service';

export interface IssuanceEntry {
  readonly code: string;
  readonly groupId: string;
  readonly issue: 'first' | 'repeat';
  readonly boundToCustomer: boolean;
  readonly issuedAt: string;
}

export interface CustomerIssuance {
  readonly customerId: string;
  /** How many codes the customer was issued (first issues; re-issues repeat one of them). */
  readonly codesIssued: number;
  readonly issues: readonly IssuanceEntry[];
}

/** C7: a customer's issuance history and the segment queries built on it. */
@Injectable()
export class IssuanceHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  async ofCustomer(customerId: string): Promise<CustomerIssuance> {
    const rows: { code: string; group_id: string; issue: 'first' | 'repeat'; is_bound: boolean; issued_at: Date }[] = await this.dataSource.query(
      `SELECT code, group_id, issue, is_bound, issued_at FROM code_issues WHERE customer_id = $1 ORDER BY id LIMIT 1000`,
      [customerId],
    );
    const issues = rows.map((row) => ({ code: row.code, groupId: row.group_id, issue: row.issue, boundToCustomer: row.is_bound, issuedAt: row.issued_at.toISOString() }));
    return { customerId, codesIssued: issues.filter((entry) => entry.issue === 'first').length, issues };
  }

  /**
   * Segments: the customers issued a code from a group, or only those issued at least `minCodes` codes (first issues),
   * in customerId order, a page at a time (`after` = the previous page's last customerId).
   */
  async customersOfGroup(
    groupId: string,
    page: { readonly after: string | undefined; readonly limit: number; readonly minCodes: number },
  ): Promise<{ readonly customers: readonly { customerId: string; codesIssued: number }[]; readonly next: string | null }> {
    await this.groups.requireRow(this.dataSource.manager, groupId);
    const { after, limit, minCodes } = page;
    const rows: { customer_id: string; codes_issued: string }[] = await this.dataSource.query(
      `SELECT customer_id, count(*) FILTER (WHERE issue = 'first') AS codes_issued FROM code_issues
        WHERE group_id = $1 AND ($2::text IS NULL OR customer_id > $2) GROUP BY customer_id
        HAVING count(*) FILTER (WHERE issue = 'first') >= $4 ORDER BY customer_id LIMIT $3`,
      [groupId, after ?? null, limit, minCodes],
    );
    const customers = rows.map((row) => ({ customerId: row.customer_id, codesIssued: Number(row.codes_issued) }));
    const last = customers[customers.length - 1];
    return { customers, next: customers.length === limit && last !== undefined ? last.customerId : null };
  }
}
