import { randomUUID } from 'node:crypto';
import type { AppliedPromotion, OrderCancelledData, OrderPlacedData } from '@promo/contracts';

/** Builds an `order.placed` payload: `anOrder('o-1').by('cu-1').withUse('promo', 'CODE', 500).build()`. */
export class OrderBuilder {
  private customerId: string | null = null;
  private guestEmail: string | null = null;
  private readonly uses: AppliedPromotion[] = [];
  private reservationId: string | null = null;
  private total = 10_000;
  private placedAt = '2026-11-20T10:00:00Z';

  constructor(private readonly orderId: string) {}

  by(customerId: string): this {
    this.customerId = customerId;
    return this;
  }

  /** A guest's order: no customer, the e-mail left at checkout. */
  asGuest(email: string): this {
    this.customerId = null;
    this.guestEmail = email;
    return this;
  }

  withUse(promotionId: string, code: string | null, amount: number, units?: number): this {
    this.uses.push({ promotionId, code, amount, ...(units === undefined ? {} : { units }) });
    return this;
  }

  withReservation(reservationId: string): this {
    this.reservationId = reservationId;
    return this;
  }

  at(placedAt: string): this {
    this.placedAt = placedAt;
    return this;
  }

  totalling(total: number): this {
    this.total = total;
    return this;
  }

  build(): OrderPlacedData {
    const discount = this.uses.reduce((sum, use) => sum + use.amount, 0);
    return {
      orderId: this.orderId,
      cartId: `cart-${this.orderId}`,
      channel: 'web',
      currency: 'USD',
      customer: this.customerId === null ? null : { customerId: this.customerId },
      ...(this.guestEmail === null ? {} : { guestEmail: this.guestEmail }),
      lines: [{ lineId: 'l1', sku: 'SKU-1', productId: 'p1', quantity: 1, unitPrice: this.total + discount }],
      appliedPromotions: this.uses,
      reservationId: this.reservationId,
      subtotal: this.total + discount,
      discountTotal: discount,
      shippingTotal: 0,
      total: this.total,
      placedAt: this.placedAt,
    };
  }
}

export function anOrder(orderId: string): OrderBuilder {
  return new OrderBuilder(orderId);
}

export function aCancellation(orderId: string, customerId: string | null = null): OrderCancelledData {
  return { orderId, customerId, cancelledAt: '2026-11-20T11:00:00Z', reason: 'customer request' };
}

/** A CloudEvents envelope as the commerce platform publishes it. */
export function envelope(type: 'order.placed' | 'order.cancelled' | 'pricing.promotion-changed', subject: string, data: unknown, id: string = randomUUID()): string {
  return JSON.stringify({ specversion: '1.0', id, source: 'commerce-platform/test', type, time: '2026-11-20T10:00:00Z', datacontenttype: 'application/json', subject, data });
}
