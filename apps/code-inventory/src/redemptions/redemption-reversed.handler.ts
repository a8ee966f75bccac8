import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import type { CodeInventoryConfig } from '../config/env.schema';
import { RedemptionsService } from './redemptions.service';

@Injectable()
export class RedemptionReversedHandler implements EventHandler {
  readonly topic: string;
  readonly types = ['redemption.reversed'];

  constructor(
    @Inject(APP_CONFIG) config: CodeInventoryConfig,
    private readonly redemptions: RedemptionsService,
  ) {
    this.topic = `${config.KAFKA_TOPIC_PREFIX}redemption.reversed`;
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.redemptions.reversed(context.manager, eventData(event, 'redemption.reversed'));
  }
}
