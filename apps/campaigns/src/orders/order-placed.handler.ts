import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import type { CampaignsConfig } from '../config/env.schema';
import { DecisionService } from '../decisions/decision.service';
import { consumedTopic } from '../events/campaign-topics';
import { EventTimeService } from '../events/event-time.service';
import { OrdersService } from './orders.service';

/** order.placed: record the order (suppression as of due time, recovered revenue) and move the watermark (K4). */
@Injectable()
export class OrderPlacedHandler implements EventHandler {
  readonly topic: string;
  readonly types = ['order.placed'];

  constructor(
    @Inject(APP_CONFIG) config: CampaignsConfig,
    private readonly orders: OrdersService,
    private readonly eventTime: EventTimeService,
    private readonly decisions: DecisionService,
  ) {
    this.topic = consumedTopic(config, 'order.placed');
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const data = eventData(event, 'order.placed');
    await this.eventTime.observe(context.manager, context, data.placedAt);
    await this.orders.recordPlaced(context.manager, data);
    this.decisions.kick();
  }
}
