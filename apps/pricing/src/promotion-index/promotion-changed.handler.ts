import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import type { EventHandler } from '@promo/messaging';
import { PromotionIndexRefresher } from './promotion-index.refresher';

/**
 * `pricing.promotion-changed` on this replica's own group: the store is the truth, so the event asks for a
 * refresh from it, which reads the rows changed since the index's version (an event of another store on a
 * shared broker changes nothing here).
 */
@Injectable()
export class PromotionChangedHandler implements EventHandler {
  readonly eventType = 'pricing.promotion-changed';

  constructor(private readonly refresher: PromotionIndexRefresher) {}

  async handle(_event: CloudEvent): Promise<void> {
    // Not awaited inside the consumer's transaction: the refresh reads committed rows on its own connection.
    void this.refresher.requestRefresh();
  }
}
