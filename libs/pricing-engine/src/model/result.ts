import type { Missing, Reason } from '../reasons/reason';

/** A code that was applied. */
export interface AppliedCode {
  readonly status: 'applied';
  readonly promotionId: string;
  /** Minor units this code's promotion took off (lines and shipping). */
  readonly discount: number;
  readonly message: string;
}

/** A code or automatic promotion that did not apply, with the reason (P10). */
export interface Refusal {
  readonly reason: Reason;
  /** A sentence a shopper can read. */
  readonly message: string;
  readonly missing?: Missing;
  readonly conflictsWith?: string;
}

export interface RejectedCode extends Refusal {
  readonly status: 'rejected';
  readonly promotionId?: string;
}

export type CodeOutcome = AppliedCode | RejectedCode;

export interface GiftLine {
  readonly promotionId: string;
  readonly sku: string;
  readonly quantity: number;
}

export interface ShippingResult {
  readonly amount: number;
  readonly discount: number;
  readonly total: number;
}

/** One shipping method of a cart whose shipping is a list (README rule 12). */
export interface ShippingMethodResult extends ShippingResult {
  readonly methodId: string;
}

export interface LineResult {
  readonly lineId: string;
  /** quantity × unitPrice. */
  readonly subtotal: number;
  /** Σ of the line's allocations. */
  readonly discount: number;
  readonly total: number;
  /** Discount per promotion id. */
  readonly discounts: Readonly<Record<string, number>>;
  /** Only while prices include tax (README rule 11): the tax share of `discount`, rounded half up once per line. */
  readonly taxDiscount?: number;
  /** Only while prices include tax: `discount` − `taxDiscount`. */
  readonly netDiscount?: number;
}

/** The priced cart. All amounts are minor units of `currency`. */
export interface PricingResult {
  readonly cartId: string;
  readonly currency: string;
  readonly subtotal: number;
  /** Every promotion that gave a discount (lines and shipping); an absent id means 0. */
  readonly discounts: Readonly<Record<string, number>>;
  /** Per promotion that discounted lines, its discount per line id (absent = 0). */
  readonly allocation: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly lines: readonly LineResult[];
  /** Summed over the shipping methods when the cart's shipping is a list (README rule 12). */
  readonly shipping: ShippingResult | null;
  /** Only when the cart's shipping is a list: each method, in the cart's order (README rule 12). */
  readonly shippingMethods?: readonly ShippingMethodResult[];
  /** Only while prices include tax: Σ of the lines' `taxDiscount`, not rounded again (README rule 11). */
  readonly taxDiscount?: number;
  readonly gifts: readonly GiftLine[];
  /** subtotal + shipping.amount − Σ discounts. */
  readonly total: number;
  /** Every code entered, keyed as entered. */
  readonly codes: Readonly<Record<string, CodeOutcome>>;
  /** Promotion ids applied, in the order they applied. */
  readonly applied: readonly string[];
  /** Automatic promotions that could have matched the cart (per the index) but did not apply, and why. */
  readonly notApplied: Readonly<Record<string, Refusal>>;
}
