import { uniqueSuffix } from '@promo/platform/testing';

type Json = Record<string, unknown>;

/** A cart as in the `cart.updated` contract (amounts in minor units). */
export class CartBuilder {
  private readonly lines: Json[] = [];
  private codes: string[] = [];
  private customer: Json | null = null;
  private token: string | undefined;
  private currency = 'USD';

  constructor(
    private readonly channel: string,
    private readonly cartId = `cart-${uniqueSuffix()}`,
  ) {}

  withLine(unitPrice: number, quantity = 1, sku = `sku-${this.lines.length + 1}`): this {
    this.lines.push({ lineId: `l${this.lines.length + 1}`, sku, productId: `p-${sku}`, quantity, unitPrice, categories: [] });
    return this;
  }

  /** A line with what a catalog knows of it: categories, brand, options (amounts in minor units). */
  withCatalogLine(line: { sku: string; productId: string; unitPrice: number; quantity?: number; categories?: string[]; brand?: string; options?: Record<string, string> }): this {
    this.lines.push({ lineId: `l${this.lines.length + 1}`, quantity: 1, categories: [], ...line });
    return this;
  }

  withCodes(...codes: string[]): this {
    this.codes = codes;
    return this;
  }

  forCustomer(customerId: string): this {
    this.customer = { customerId, groups: [], segments: [], orderCount: 1 };
    return this;
  }

  withToken(token: string): this {
    this.token = token;
    return this;
  }

  inCurrency(currency: string): this {
    this.currency = currency;
    return this;
  }

  build(): Json {
    return {
      cartId: this.cartId,
      channel: this.channel,
      currency: this.currency,
      customer: this.customer,
      lines: this.lines,
      codes: this.codes,
      shipping: null,
      ...(this.token === undefined ? {} : { token: this.token }),
    };
  }
}

export const aCart = (channel: string, cartId?: string): CartBuilder => new CartBuilder(channel, cartId);
