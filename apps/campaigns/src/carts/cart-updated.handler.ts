import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type BatchContext, type BatchedEvent, type BatchEventHandler, type EventContext, eventData } from '@promo/messaging';
import { DecisionService } from '../decisions/decision.service';
import { EventTimeService } from '../events/event-time.service';
import { AbandonedCartScheduler } from '../scheduling/abandoned-cart.scheduler';
import { CartSnapshotsService } from './cart-snapshots.service';

/** cart.updated: keep the latest snapshot and (re)schedule its abandoned-cart steps (K1); a partition's batch at once (#21). */
@Injectable()
export class CartUpdatedHandler implements BatchEventHandler {
  readonly eventType = 'cart.updated';

  constructor(
    private readonly snapshots: CartSnapshotsService,
    private readonly scheduler: AbandonedCartScheduler,
    private readonly eventTime: EventTimeService,
    private readonly decisions: DecisionService,
  ) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const data = eventData(event, 'cart.updated');
    await this.eventTime.observe(context.manager, context, data.updatedAt);
    if (await this.snapshots.upsertLatest(context.manager, data)) await this.scheduler.reschedule(context.manager, data);
    this.decisions.kick();
  }

  async handleBatch(events: readonly BatchedEvent[], context: BatchContext): Promise<void> {
    const first = events[0];
    if (!first) return;
    const carts = events.map(({ event }) => eventData(event, 'cart.updated'));
    await this.eventTime.observeMany(context.manager, first.position, carts.map((cart) => cart.updatedAt));
    await this.scheduler.rescheduleMany(context.manager, await this.snapshots.upsertLatestMany(context.manager, carts));
    this.decisions.kick();
  }
}
