import { uniqueSuffix } from '@promo/platform/testing';

type Json = Record<string, unknown>;

/** A promotion in the engine's shape (conformance README), built step by step. */
export class PromotionBuilder {
  private body: Json;

  constructor(kind: 'automatic' | 'coupon', id: string) {
    this.body = { id, kind, rules: [{ conditions: {}, reward: { type: 'orderPercent', percent: 10 } }] };
  }

  withPercentOff(percent: number): this {
    this.body = { ...this.body, rules: [{ conditions: {}, reward: { type: 'orderPercent', percent } }] };
    return this;
  }

  withAmountOff(amount: number): this {
    this.body = { ...this.body, rules: [{ conditions: {}, reward: { type: 'orderAmount', amount } }] };
    return this;
  }

  withChannel(channel: string): this {
    this.body = { ...this.body, targeting: { channels: [channel], currency: 'USD' } };
    return this;
  }

  with(fields: Json): this {
    this.body = { ...this.body, ...fields };
    return this;
  }

  build(): Json {
    return { ...this.body };
  }
}

export const anAutomatic = (id = `auto-${uniqueSuffix()}`): PromotionBuilder => new PromotionBuilder('automatic', id).with({ priority: 1 });
export const aCoupon = (codes: readonly string[], id = `coupon-${uniqueSuffix()}`): PromotionBuilder => new PromotionBuilder('coupon', id).with({ codes });
