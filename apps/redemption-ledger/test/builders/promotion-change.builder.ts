import type { PromotionChangedData, PromotionLimits } from '@promo/contracts';

/** Builds a `pricing.promotion-changed` payload: `aPromotionChange('promo-1').coupon().withLimits({ totalUses: 5 })`. */
export class PromotionChangeBuilder {
  private kind: 'automatic' | 'coupon' = 'automatic';
  private limits: PromotionLimits | undefined;
  private codes: readonly string[] | undefined;
  private currency: string | undefined;
  private version = 1;
  private change: PromotionChangedData['change'] = 'created';

  constructor(private readonly promotionId: string) {}

  coupon(): this {
    this.kind = 'coupon';
    return this;
  }

  /** The promotion's own shared codes (C1: `WELCOME20`); any other code of the promotion is a group code. */
  withCodes(...codes: string[]): this {
    this.codes = codes;
    return this;
  }

  withLimits(limits: PromotionLimits): this {
    this.limits = limits;
    return this;
  }

  /** #23, rule 19: a total discount budget in minor units of `currency` (the promotion's targeting.currency). */
  withBudget(budget: number, currency = 'USD'): this {
    this.limits = { ...this.limits, budget };
    this.currency = currency;
    return this;
  }

  atVersion(version: number, change: PromotionChangedData['change'] = 'updated'): this {
    this.version = version;
    this.change = change;
    return this;
  }

  build(): PromotionChangedData {
    return {
      promotionId: this.promotionId,
      change: this.change,
      version: this.version,
      changedAt: '2026-11-20T00:00:00Z',
      promotion:
        this.change === 'deleted'
          ? null
          : {
              id: this.promotionId,
              kind: this.kind,
              ...(this.codes ? { codes: this.codes } : {}),
              ...(this.limits ? { limits: this.limits } : {}),
              ...(this.currency ? { targeting: { currency: this.currency } } : {}),
            },
    };
  }
}

export function aPromotionChange(promotionId: string): PromotionChangeBuilder {
  return new PromotionChangeBuilder(promotionId);
}
