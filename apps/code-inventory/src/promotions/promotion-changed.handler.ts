import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, eventData } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import type { CodeInventoryConfig } from '../config/env.schema';
import { PromotionValidityService } from './promotion-validity.service';

@Injectable()
export class PromotionChangedHandler implements EventHandler {
  readonly topic: string;
  readonly types = ['pricing.promotion-changed'];

  constructor(
    @Inject(APP_CONFIG) config: CodeInventoryConfig,
    private readonly validity: PromotionValidityService,
  ) {
    this.topic = `${config.KAFKA_TOPIC_PREFIX}pricing.promotion-changed`;
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    await this.validity.apply(context.manager, eventData(event, 'pricing.promotion-changed'));
  }
}
