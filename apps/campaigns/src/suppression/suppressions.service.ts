import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, NotFoundError, ValidationFailedError } from '@promo/platform';
import { DataSource } from 'typeorm';
import { LinkSigner } from '../email/link-signer';
import { EmailContentService } from '../email/email-content.service';
import { SuppressionEntity } from './suppression.entity';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

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
    const errors = [];
    if (typeof email !== 'string' || !EMAIL.test(email)) errors.push({ field: 'email', reason: 'invalid_format', detail: 'email must be an email address' });
    if (customerId !== undefined && typeof customerId !== 'string') errors.push({ field: 'customerId', reason: 'invalid_type', detail: 'customerId must be a string' });
    if (errors.length > 0 || typeof email !== 'string') throw new ValidationFailedError(errors);
    return this.suppress(email, typeof customerId === 'string' ? customerId : null, 'merchant');
  }

  async unsubscribe(email: string | undefined, signature: string | undefined): Promise<void> {
    if (!email || !signature || !this.signer.isValid('unsubscribe', email.toLowerCase(), signature)) {
      throw new ValidationFailedError([{ field: 'sig', reason: 'invalid_signature', detail: 'the unsubscribe link is not valid' }]);
    }
    await this.suppress(email, null, 'unsubscribed');
  }

  async remove(email: string): Promise<void> {
    const result = await this.dataSource.getRepository(SuppressionEntity).delete({ email: email.toLowerCase() });
    if (!result.affected) throw new NotFoundError(`${email} is not suppressed`);
  }

  list(): Promise<SuppressionEntity[]> {
    return this.dataSource.getRepository(SuppressionEntity).find({ order: { createdAt: 'ASC' } });
  }

  private async suppress(email: string, customerId: string | null, reason: string): Promise<SuppressionEntity> {
    const entity = this.dataSource.getRepository(SuppressionEntity).create({ email: email.toLowerCase(), customerId, reason, createdAt: this.clock.now() });
    await this.dataSource.getRepository(SuppressionEntity).upsert(entity, ['email']);
    return entity;
  }
}
