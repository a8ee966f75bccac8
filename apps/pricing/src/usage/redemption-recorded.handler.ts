import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, UnrecoverableEventError } from '@promo/messaging';
import { normalizeCode } from '@promo/pricing-engine';
import { readRedemption } from './redemption-data';
import { UsageRepository } from './usage.repository';

/** `redemption.recorded` → uses +units in the projection (for `limit_reached` / `already_used_by_customer`). */
@Injectable()
export class RedemptionRecordedHandler implements EventHandler {
  readonly eventType = 'redemption.recorded';

  constructor(private readonly usage: UsageRepository) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const redemption = readRedemption(event.data);
    if (redemption === undefined) throw new UnrecoverableEventError(`redemption.recorded ${event.id} lacks promotionId or units`);
    await this.usage.add(context.manager, { ...redemption, code: redemption.code === null ? null : normalizeCode(redemption.code) }, 1);
  }
}
