import { Injectable } from '@nestjs/common';
import { type CloudEvent, type PromotionChangedData, validateData } from '@promo/contracts';
import { type EventContext, type EventHandler, UnrecoverableEventError } from '@promo/messaging';
import { PromotionLimitsService } from './promotion-limits.service';
import { isPromotionChangedData } from './promotion-change.validation';

/** Consumes `pricing.promotion-changed` (L1): the limits of each promotion, highest version wins. */
@Injectable()
export class PromotionChangedHandler implements EventHandler {
  readonly eventType = 'pricing.promotion-changed';

  constructor(private readonly limits: PromotionLimitsService) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const data: unknown = event.data;
    if (!isPromotionChangedData(data)) throw new UnrecoverableEventError(`invalid promotion change: ${JSON.stringify(validateData('pricing.promotion-changed', data))}`);
    const change: PromotionChangedData = data;
    await this.limits.applyChange(context.manager, change);
  }
}
