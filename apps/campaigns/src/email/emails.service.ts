import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@promo/platform';
import { DataSource } from 'typeorm';
import { type ListPage, type PageRequest, pageOf } from '../paging/list-page';
import { EmailEntity, type EmailKind } from './email.entity';

export interface EmailView {
  readonly emailId: string;
  readonly kind: EmailKind;
  readonly campaignId: string;
  readonly step: number;
  readonly customerId: string;
  readonly cartId: string | null;
  readonly status: string;
  readonly dueAt: string;
  readonly sentAt: string | null;
  readonly code: string | null;
  readonly messageId: string;
}

export interface EmailFilter {
  readonly kind?: string;
  readonly cartId?: string;
  readonly customerId?: string;
  readonly campaignId?: string;
}

/** What was decided to send and what was sent (`GET /v1/emails`), read by the contract tests (X2). */
@Injectable()
export class EmailsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page, in due order (then email id); `page.after` is where the previous page ended. */
  async list(filter: EmailFilter, page: PageRequest): Promise<ListPage<EmailView>> {
    const query = this.dataSource.getRepository(EmailEntity).createQueryBuilder('e');
    if (filter.kind !== undefined) {
      if (filter.kind !== 'abandoned_cart' && filter.kind !== 'retention') {
        throw new ValidationFailedError([{ field: 'kind', reason: 'invalid_value', detail: 'kind must be abandoned_cart or retention' }]);
      }
      query.andWhere('e.kind = :kind', { kind: filter.kind });
    }
    if (filter.cartId !== undefined) query.andWhere('e.cart_id = :cartId', { cartId: filter.cartId });
    if (filter.customerId !== undefined) query.andWhere('e.customer_id = :customerId', { customerId: filter.customerId });
    if (filter.campaignId !== undefined) query.andWhere('e.campaign_id = :campaignId', { campaignId: filter.campaignId });
    if (page.after) query.andWhere('(e.due_at, e.email_id) > (:afterAt, :afterId)', { afterAt: page.after.at, afterId: page.after.id });
    const emails = await query.orderBy('e.due_at', 'ASC').addOrderBy('e.email_id', 'ASC').limit(page.limit + 1).getMany();
    return pageOf(
      emails,
      page,
      (e) => ({ at: e.dueAt, id: e.emailId }),
      (e) => ({
        emailId: e.emailId,
        kind: e.kind,
        campaignId: e.campaignId,
        step: e.step,
        customerId: e.customerId,
        cartId: e.cartId,
        status: e.status,
        dueAt: e.dueAt.toISOString(),
        sentAt: e.sentAt?.toISOString() ?? null,
        code: e.code,
        messageId: e.messageId,
      }),
    );
  }
}
