import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, UnrecoverableEventError } from '@promo/messaging';
import { normalizeCode } from '@promo/pricing-engine';
import { readRedemption } from './redemption-data';
import { UsageRepository } from './usage.repository';

/** `redemption.reversed` (a cancelled order) → uses −units in the projection. */
@Injectable()
export class RedemptionReversedHandler implements EventHandler {
  readonly eventType = 'redemption.reversed';

  constructor(private readonly usage: UsageRepository) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const redemption = readRedemption(event.data);
    if (redemption === undefined) throw new UnrecoverableEventError(`redemption.reversed ${event.id} lacks promotionId or units`);
    await this.usage.add(context.manager, { ...redemption, code: redemption.code === null ? null : normalizeCode(redemption.code) }, -1);
  }
}
