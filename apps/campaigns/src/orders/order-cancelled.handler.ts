import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { EventTimeService } from '../events/event-time.service';
import { OrdersService } from './orders.service';

/** order.cancelled: a cancelled order no longer counts as recovered revenue (K5). */
@Injectable()
export class OrderCancelledHandler implements EventHandler {
  readonly eventType = 'order.cancelled';

  constructor(
    private readonly orders: OrdersService,
    private readonly eventTime: EventTimeService,
  ) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const data = eventData(event, 'order.cancelled');
    await this.eventTime.observe(context.manager, context, data.cancelledAt);
    await this.orders.recordCancelled(context.manager, data);
  }
}
