import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { OrdersService } from './orders.service';

/** order.cancelled: give the order's accepted uses back, each once (L2). */
@Injectable()
export class OrderCancelledHandler implements EventHandler {
  readonly topic: string;
  readonly types = ['order.cancelled'];

  constructor(
    @Inject(APP_CONFIG) config: RedemptionLedgerConfig,
    private readonly orders: OrdersService,
  ) {
    this.topic = `${config.KAFKA_TOPIC_PREFIX}order.cancelled`;
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.orders.cancel(context.manager, eventData(event, 'order.cancelled'));
  }
}
