import { randomUUID } from 'node:crypto';
import type { CartLine, CartUpdatedData, Customer, CustomerInactiveData, OrderPlacedData } from '@promo/contracts';

/** A record to produce: the topic's event type, its key and the CloudEvent envelope as JSON. */
export interface UpstreamRecord {
  readonly type: 'cart.updated' | 'order.placed' | 'customer.inactive';
  readonly key: string;
  readonly id: string;
  readonly value: string;
}

function envelope(type: UpstreamRecord['type'], key: string, time: string, data: unknown, id: string = randomUUID()): UpstreamRecord {
  const value = JSON.stringify({ specversion: '1.0', id, source: 'test/storefront', type, time, datacontenttype: 'application/json', subject: key, data });
  return { type, key, id, value };
}

function line(cartId: string, index: number, unitPrice: number, quantity: number): CartLine {
  return { lineId: `${cartId}-l${index}`, sku: `SKU-${index}`, productId: `p${index}`, name: `Product ${index}`, quantity, unitPrice };
}

/** A line as an event may send it, with the product image URL the contract does not name (extra fields are allowed). */
type CartLineWithImage = CartLine & { readonly imageUrl?: string };

class CartUpdatedBuilder {
  private customer: Customer | null = null;
  private lines: CartLineWithImage[] = [];
  private updatedAt = '2026-03-01T10:00:00Z';
  private currency = 'USD';

  constructor(private readonly cartId: string) {}

  forCustomer(customerId: string, options: { readonly marketingConsent?: boolean } = {}): this {
    this.customer = { customerId, email: `${customerId}@example.test`, marketingConsent: options.marketingConsent ?? true };
    return this;
  }

  /** Sets the customer's email address exactly as the commerce platform sent it (no normalisation). */
  withEmail(email: string): this {
    if (this.customer === null) throw new Error('withEmail needs forCustomer first');
    this.customer = { ...this.customer, email };
    return this;
  }

  inCurrency(currency: string): this {
    this.currency = currency;
    return this;
  }

  withLine(unitPrice: number, quantity: number): this {
    this.lines.push(line(this.cartId, this.lines.length + 1, unitPrice, quantity));
    return this;
  }

  /** A line with its name as the shopper sees it, and the product image URL the event may carry (an extra field). */
  withNamedLine(name: string, unitPrice: number, quantity: number, imageUrl?: string): this {
    const named = { ...line(this.cartId, this.lines.length + 1, unitPrice, quantity), name };
    this.lines.push(imageUrl === undefined ? named : { ...named, imageUrl });
    return this;
  }

  emptied(): this {
    this.lines = [];
    return this;
  }

  at(updatedAt: string): this {
    this.updatedAt = updatedAt;
    return this;
  }

  build(id?: string): UpstreamRecord {
    const data: CartUpdatedData = {
      cartId: this.cartId,
      channel: 'web',
      currency: this.currency,
      customer: this.customer,
      guestEmail: this.customer ? null : `guest-${this.cartId}@example.test`,
      lines: [...this.lines],
      recoveryUrl: `https://shop.example.test/cart/${this.cartId}`,
      updatedAt: this.updatedAt,
    };
    return envelope('cart.updated', this.cartId, this.updatedAt, data, id);
  }
}

export function aCartUpdated(cartId: string): CartUpdatedBuilder {
  return new CartUpdatedBuilder(cartId);
}

export function anOrderPlaced(
  orderId: string,
  cartId: string,
  placedAt: string,
  total: number,
  options: { readonly currency?: string; readonly customerId?: string } = {},
): UpstreamRecord {
  const data: OrderPlacedData = {
    orderId,
    cartId,
    channel: 'web',
    currency: options.currency ?? 'USD',
    ...(options.customerId ? { customer: { customerId: options.customerId, email: `${options.customerId}@example.test`, marketingConsent: true } } : {}),
    lines: [line(cartId, 1, total, 1)],
    subtotal: total,
    discountTotal: 0,
    shippingTotal: 0,
    total,
    placedAt,
  };
  return envelope('order.placed', orderId, placedAt, data);
}

export function aCustomerInactive(
  customerId: string,
  detectedAt: string,
  options: { readonly daysInactive?: number; readonly marketingConsent?: boolean; readonly email?: string } = {},
): UpstreamRecord {
  const data: CustomerInactiveData = {
    customerId,
    email: options.email ?? `${customerId}@example.test`,
    marketingConsent: options.marketingConsent ?? true,
    daysInactive: options.daysInactive ?? 61,
    detectedAt,
  };
  return envelope('customer.inactive', customerId, detectedAt, data);
}
