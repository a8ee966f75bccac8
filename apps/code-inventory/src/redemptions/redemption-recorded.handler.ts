import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { RedemptionsService } from './redemptions.service';

@Injectable()
export class RedemptionRecordedHandler implements EventHandler {
  readonly eventType = 'redemption.recorded';

  constructor(private readonly redemptions: RedemptionsService) {}

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.redemptions.recorded(context.manager, eventData(event, 'redemption.recorded'));
  }
}
