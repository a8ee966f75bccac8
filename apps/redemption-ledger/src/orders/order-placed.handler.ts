import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type BatchContext, type BatchedEvent, type BatchEventHandler, type EventContext, eventData } from '@promo/messaging';
import { OrdersService } from './orders.service';
import { PlacedOrdersBatch } from './placed-orders-batch.service';

/** order.placed: commit its reservation, or apply its uses up to each limit (L2); a partition's batch at once (#21). */
@Injectable()
export class OrderPlacedHandler implements BatchEventHandler {
  readonly eventType = 'order.placed';

  constructor(
    private readonly orders: OrdersService,
    private readonly batch: PlacedOrdersBatch,
  ) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.orders.place(context.manager, eventData(event, 'order.placed'));
  }

  async handleBatch(events: readonly BatchedEvent[], context: BatchContext): Promise<void> {
    await this.batch.placeAll(context.manager, events.map(({ event }) => eventData(event, 'order.placed')));
  }
}
