import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { DecisionService } from '../decisions/decision.service';
import { EventTimeService } from '../events/event-time.service';
import { OrdersService } from './orders.service';

/** order.placed: record the order (suppression as of due time, recovered revenue) and move the watermark (K4). */
@Injectable()
export class OrderPlacedHandler implements EventHandler {
  readonly eventType = 'order.placed';

  constructor(
    private readonly orders: OrdersService,
    private readonly eventTime: EventTimeService,
    private readonly decisions: DecisionService,
  ) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const data = eventData(event, 'order.placed');
    await this.eventTime.observe(context.manager, context, data.placedAt);
    await this.orders.recordPlaced(context.manager, data);
    this.decisions.kick();
  }
}
