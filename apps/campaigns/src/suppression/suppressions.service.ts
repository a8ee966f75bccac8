import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, NotFoundError, ValidationFailedError } from '@promo/platform';
import { DataSource } from 'typeorm';
import { LinkSigner } from '../email/link-signer';
import { normaliseAddress } from '../email/email-address';
import { EmailContentService } from '../email/email-content.service';
import { type ListPage, type PageRequest, pageOf } from '../paging/list-page';
import { SuppressionEntity } from './suppression.entity';
import type { UnsubscribeLink } from './unsubscribe-request';

/** The suppression list (K3): unsubscribed or merchant-blocked addresses get no campaign email. */
@Injectable()
export class SuppressionsService {
  private readonly signer: LinkSigner;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    content: EmailContentService,
  ) {
    this.signer = content.signer;
  }

  async add(body: unknown): Promise<SuppressionEntity> {
    const email: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'email') : undefined;
    const customerId: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'customerId') : undefined;
    const address = normaliseAddress(typeof email === 'string' ? email : null);
    const errors = [];
    if (address === null) errors.push({ field: 'email', reason: 'invalid_format', detail: 'email must be one email address' });
    if (customerId !== undefined && typeof customerId !== 'string') errors.push({ field: 'customerId', reason: 'invalid_type', detail: 'customerId must be a string' });
    if (errors.length > 0 || address === null) throw new ValidationFailedError(errors);
    return this.suppress(address, typeof customerId === 'string' ? customerId : null, 'merchant');
  }

  /** The address of a signed unsubscribe link (normalised, as its email's recipient is); 400 when the link is not one we signed. */
  verifyUnsubscribeLink(link: UnsubscribeLink): string {
    const address = normaliseAddress(link.email);
    if (address === null || !this.signer.isValid('unsubscribe', address, link.sig)) {
      throw new ValidationFailedError([{ field: 'sig', reason: 'invalid_signature', detail: 'the unsubscribe link is not valid' }]);
    }
    return address;
  }

  /** The one-click POST of a signed link (RFC 8058): suppresses its address; answers it. */
  async unsubscribe(link: UnsubscribeLink): Promise<string> {
    const address = this.verifyUnsubscribeLink(link);
    await this.suppress(address, null, 'unsubscribed');
    return address;
  }

  async remove(email: string): Promise<void> {
    const result = await this.dataSource.getRepository(SuppressionEntity).delete({ email: normaliseAddress(email) ?? email.toLowerCase() });
    if (!result.affected) throw new NotFoundError(`${email} is not suppressed`);
  }

  /** One page, oldest first (then by address); `page.after` is where the previous page ended. */
  async list(page: PageRequest): Promise<ListPage<SuppressionEntity>> {
    const query = this.dataSource.getRepository(SuppressionEntity).createQueryBuilder('s');
    if (page.after) query.where('(s.created_at, s.email) > (:afterAt, :afterId)', { afterAt: page.after.at, afterId: page.after.id });
    const rows = await query.orderBy('s.created_at', 'ASC').addOrderBy('s.email', 'ASC').limit(page.limit + 1).getMany();
    return pageOf(rows, page, (s) => ({ at: s.createdAt, id: s.email }), (s) => s);
  }

  /** `address` is normalised (normaliseAddress). */
  private async suppress(address: string, customerId: string | null, reason: string): Promise<SuppressionEntity> {
    const entity = this.dataSource.getRepository(SuppressionEntity).create({ email: address, customerId, reason, createdAt: this.clock.now() });
    await this.dataSource.getRepository(SuppressionEntity).upsert(entity, ['email']);
    return entity;
  }
}
