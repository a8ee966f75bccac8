import type { CartLine, CartUpdatedData } from '@promo/contracts';
import { cartValue } from '../carts/cart-value';
import { formatAmount } from './money-text';

/** One cart line as a template shows it: prices formatted at this edge from integer minor units (#19.8). */
export interface EmailCartLine {
  readonly name: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
  /** unitPrice × quantity. */
  readonly linePrice: string;
  /** Only when the cart event carries an http(s) `imageUrl` on the line (an extra field the contract allows). */
  readonly imageUrl: string | null;
}

export interface EmailCart {
  readonly id: string;
  readonly currency: string;
  readonly total: string;
  readonly lines: readonly EmailCartLine[];
  /** The tracked link back to the cart (its recoveryUrl, else the shop). */
  readonly recoveryUrl: string;
}

/** What a template can show (K3): the variables of the plain templates, with the cart's lines as a list. */
export interface EmailVariables {
  readonly customer: { readonly id: string; readonly email: string };
  readonly campaign: { readonly id: string };
  readonly unsubscribeUrl: string;
  readonly cart: EmailCart | null;
}

function imageUrlOf(line: CartLine): string | null {
  const value: unknown = Reflect.get(line, 'imageUrl');
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : null;
}

/** The cart of an email; `recoveryUrl` is the tracked link the email carries, `locale` the store's (STORE_LOCALE). */
export function emailCartOf(cart: CartUpdatedData, recoveryUrl: string, locale: string): EmailCart {
  const money = (minor: number): string => formatAmount(minor, cart.currency, locale);
  return {
    id: cart.cartId,
    currency: cart.currency,
    total: money(cartValue(cart.lines)),
    lines: cart.lines.map((line) => ({
      name: line.name ?? line.sku,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: money(line.unitPrice),
      linePrice: money(cartValue([line])),
      imageUrl: imageUrlOf(line),
    })),
    recoveryUrl,
  };
}

/** The `{{name}}` variables of a plain template, exactly as before #25 (a test holds their output byte for byte). */
export function plainVariables(variables: EmailVariables): Record<string, string> {
  const flat: Record<string, string> = {
    'customer.id': variables.customer.id,
    'customer.email': variables.customer.email,
    unsubscribeUrl: variables.unsubscribeUrl,
    'campaign.id': variables.campaign.id,
  };
  const cart = variables.cart;
  if (cart) {
    flat['cart.id'] = cart.id;
    flat['cart.total'] = cart.total;
    flat['cart.lines'] = cart.lines.map((line) => `${line.quantity} x ${line.name} at ${line.unitPrice}`).join('\n');
    flat['cart.recoveryUrl'] = cart.recoveryUrl;
  }
  return flat;
}
