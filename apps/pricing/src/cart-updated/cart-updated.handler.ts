import { Injectable } from '@nestjs/common';
import type { CartPricedData, CloudEvent } from '@promo/contracts';
import { type OutboundEvent, type PublishingEventHandler, UnrecoverableEventError } from '@promo/messaging';
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
 * `cart.updated` → price → `pricing.cart-priced` (key cartId). Pricing a cart is a pure function of the cart
 * and the index, so nothing is written to Postgres (#21): the event is published straight to Kafka, its id
 * derived from the cart.updated event's id, before the input's offset is committed (libs/messaging
 * direct-publish.ts). What a downstream consumer may rely on: at least one cart-priced per cart.updated,
 * keyed by cart in the input's order; a redelivered cart.updated (a crash before the commit) gives a
 * cart-priced with the same id, priced again (possibly by a newer index: `indexVersion` says which), so a
 * consumer that de-duplicates by CloudEvent id keeps exactly one per input. A cart the engine cannot read
 * goes to the DLQ.
 */
@Injectable()
export class CartUpdatedHandler implements PublishingEventHandler {
  readonly eventType = 'cart.updated';
  readonly delivery = 'direct';

  constructor(private readonly pricing: CartPricingService) {}

  async publish(event: CloudEvent): Promise<readonly OutboundEvent<'pricing.cart-priced'>[]> {
    const parsed = parsePriceRequest(event.data);
    if (!parsed.ok) throw new UnrecoverableEventError(`cart.updated ${event.id} cannot be priced: ${parsed.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`);
    // An index not built yet throws a plain error: retried with backoff, never dead-lettered at once.
    const priced = await this.pricing.price(parsed.request.cart, null, { remember: true });
    return [{ type: 'pricing.cart-priced', key: priced.cartId, data: toCartPriced(priced, event.id) }];
  }
}
