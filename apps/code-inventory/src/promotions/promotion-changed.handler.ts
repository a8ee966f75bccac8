import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { PromotionValidityService } from './promotion-validity.service';

@Injectable()
export class PromotionChangedHandler implements EventHandler {
  readonly eventType = 'pricing.promotion-changed';

  constructor(private readonly validity: PromotionValidityService) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.validity.apply(context.manager, eventData(event, 'pricing.promotion-changed'));
  }
}
