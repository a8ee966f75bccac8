import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { OrdersService } from './orders.service';

/** order.cancelled: give the order's accepted uses back, each once (L2). */
@Injectable()
export class OrderCancelledHandler implements EventHandler {
  readonly eventType = 'order.cancelled';

  constructor(private readonly orders: OrdersService) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.orders.cancel(context.manager, eventData(event, 'order.cancelled'));
  }
}
