import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { OrdersService } from './orders.service';

/** order.placed: commit its reservation, or apply its uses up to each limit (L2). */
@Injectable()
export class OrderPlacedConsumer implements EventHandler {
  readonly topic: string;
  readonly types = ['order.placed'];

  constructor(
    @Inject(APP_CONFIG) config: RedemptionLedgerConfig,
    private readonly orders: OrdersService,
  ) {
    this.topic = `${config.KAFKA_TOPIC_PREFIX}order.placed`;
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.orders.place(context.manager, eventData(event, 'order.placed'));
  }
}
