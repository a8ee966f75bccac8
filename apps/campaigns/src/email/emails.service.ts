import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@promo/platform';
import { DataSource, type FindOptionsWhere } from 'typeorm';
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

  async list(filter: EmailFilter): Promise<readonly EmailView[]> {
    const where: FindOptionsWhere<EmailEntity> = {};
    if (filter.kind !== undefined) {
      if (filter.kind !== 'abandoned_cart' && filter.kind !== 'retention') {
        throw new ValidationFailedError([{ field: 'kind', reason: 'invalid_value', detail: 'kind must be abandoned_cart or retention' }]);
      }
      where.kind = filter.kind;
    }
    if (filter.cartId !== undefined) where.cartId = filter.cartId;
    if (filter.customerId !== undefined) where.customerId = filter.customerId;
    if (filter.campaignId !== undefined) where.campaignId = filter.campaignId;
    const emails = await this.dataSource.getRepository(EmailEntity).find({ where, order: { dueAt: 'ASC', emailId: 'ASC' } });
    return emails.map((e) => ({
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
    }));
  }
}
