import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { RedemptionsService } from './redemptions.service';

@Injectable()
export class RedemptionReversedHandler implements EventHandler {
  readonly eventType = 'redemption.reversed';

  constructor(private readonly redemptions: RedemptionsService) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.redemptions.reversed(context.manager, eventData(event, 'redemption.reversed'));
  }
}
