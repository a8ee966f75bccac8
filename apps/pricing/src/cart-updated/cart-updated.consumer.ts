import { Inject, Injectable } from '@nestjs/common';
import type { CartPricedData, CloudEvent } from '@promo/contracts';
import { type EventContext, type EventHandler, OutboxWriter, UnrecoverableEventError } from '@promo/messaging';
import { APP_CONFIG } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { CartPricingService } from '../pricing/cart-pricing.service';
import { parsePriceRequest } from '../pricing/price-request';
import type { PricedCart } from '../pricing/priced-cart';

function toCartPriced(priced: PricedCart, sourceEventId: string): CartPricedData {
  const shippingTotal = priced.shipping?.total ?? 0;
  return {
    cartId: priced.cartId,
    currency: priced.currency,
    subtotal: priced.subtotal,
    discountTotal: priced.subtotal + (priced.shipping?.amount ?? 0) - priced.total,
    shippingTotal,
    total: priced.total,
    indexVersion: priced.indexVersion,
    pricedAt: priced.pricedAt,
    sourceEventId,
    codes: Object.entries(priced.codes).map(([code, outcome]) => ({ code, status: outcome.status, reason: outcome.status === 'rejected' ? outcome.reason : null })),
    // The full result (lines, allocations, reasons) is left out: a 10-line cart makes it several KB, and the
    // outbox relay sends up to 500 events in one request (the broker's request limit is 1 MB).
  };
}

/**
 * `cart.updated` → price → `pricing.cart-priced` (key cartId) through the outbox, in the transaction that marks
 * the event processed: one cart-priced per distinct event. A cart the engine cannot read goes to the DLQ.
 */
@Injectable()
export class CartUpdatedConsumer implements EventHandler {
  readonly topic: string;
  readonly types = ['cart.updated'];

  constructor(
    private readonly pricing: CartPricingService,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) config: PricingConfig,
  ) {
    this.topic = `${config.PRICING_TOPIC_PREFIX}cart.updated`;
  }

  async handle(event: CloudEvent, context: EventContext): Promise<void> {
    const parsed = parsePriceRequest(event.data);
    if (!parsed.ok) throw new UnrecoverableEventError(`cart.updated ${event.id} cannot be priced: ${parsed.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`);
    // An index not built yet throws a plain error: retried with backoff, never dead-lettered at once.
    const priced = await this.pricing.price(parsed.request.cart, null, { remember: true });
    await this.outbox.enqueue(context.manager, { type: 'pricing.cart-priced', key: priced.cartId, data: toCartPriced(priced, event.id) });
  }
}
