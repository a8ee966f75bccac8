import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, UnrecoverableEventError } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import { normalizeCode } from '@promo/pricing-engine';
import type { PricingConfig } from '../config/env.schema';
import { readRedemption } from './redemption-data';
import { UsageRepository } from './usage.repository';

/** `redemption.reversed` (a cancelled order) → uses −units in the projection. */
@Injectable()
export class RedemptionReversedHandler implements EventHandler {
  readonly topic: string;
  readonly types = ['redemption.reversed'];

  constructor(
    private readonly usage: UsageRepository,
    @Inject(APP_CONFIG) config: PricingConfig,
  ) {
    this.topic = `${config.PRICING_TOPIC_PREFIX}redemption.reversed`;
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const redemption = readRedemption(event.data);
    if (redemption === undefined) throw new UnrecoverableEventError(`redemption.reversed ${event.id} lacks promotionId or units`);
    await this.usage.add(context.manager, { ...redemption, code: redemption.code === null ? null : normalizeCode(redemption.code) }, -1);
  }
}
