import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { EmailDispatcher } from '../email/email.dispatcher';
import { EventTimeService } from '../events/event-time.service';
import { RetentionService } from './retention.service';

/** customer.inactive: a retention offer once per inactivity episode (K2). */
@Injectable()
export class CustomerInactiveHandler implements EventHandler {
  readonly eventType = 'customer.inactive';

  constructor(
    private readonly retention: RetentionService,
    private readonly eventTime: EventTimeService,
    private readonly dispatcher: EmailDispatcher,
  ) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const data = eventData(event, 'customer.inactive');
    await this.eventTime.observe(context.manager, context, data.detectedAt);
    if ((await this.retention.onInactive(context.manager, data)) > 0) this.dispatcher.kick();
  }
}
