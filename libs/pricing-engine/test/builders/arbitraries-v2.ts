import fc from 'fast-check';
import type { Cart, CartShippingMethod } from '../../src';
import { cartArb, promotionsArb } from './arbitraries';

/** fast-check arbitraries for the Version 2 fields (README "Input added in Version 2"), on top of the Version 1 ones. */
type WireReward = Readonly<Record<string, unknown>> & { readonly type: string };
type WirePromotion = (typeof promotionsArb extends fc.Arbitrary<infer T> ? T : never)[number];

const cap = fc.integer({ min: 1, max: 5_000 });

/** A reward with a random `maxDiscount` where one is allowed (not on a gift or a tiered reward; on each tier's reward). */
function withCaps(reward: WireReward, caps: readonly number[]): WireReward {
  if (reward.type === 'gift') return reward;
  if (reward.type === 'tiered') {
    const tiers = reward['tiers'] as readonly { readonly atLeast: number; readonly reward: WireReward }[];
    return { ...reward, tiers: tiers.map((tier, i) => ({ ...tier, reward: withCaps(tier.reward, caps.slice(i + 1)) })) };
  }
  return { ...reward, maxDiscount: caps[0] ?? 1 };
}

/** The most a rule can give under its caps: its maxDiscount, the largest cap of its tiers, 0 for a gift. */
export function ruleCeiling(reward: WireReward): number {
  if (reward.type === 'gift') return 0;
  if (reward.type === 'tiered') {
    const tiers = reward['tiers'] as readonly { readonly reward: WireReward }[];
    return Math.max(0, ...tiers.map((tier) => ruleCeiling(tier.reward)));
  }
  return typeof reward['maxDiscount'] === 'number' ? reward['maxDiscount'] : Number.POSITIVE_INFINITY;
}

/** Promotions whose every reward carries a maxDiscount. */
export const cappedPromotionsArb = fc.tuple(promotionsArb, fc.array(cap, { minLength: 8, maxLength: 8 })).map(([promotions, caps]) =>
  promotions.map((promotion, p) => ({
    ...promotion,
    rules: promotion.rules.map((rule, r) => ({ ...rule, reward: withCaps(rule.reward as WireReward, caps.slice((p + r) % 4)) })),
  })),
);

/** Promotions each with a remaining budget (0 included). */
export const budgetedPromotionsArb = fc
  .tuple(promotionsArb, fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8_000 })), { minLength: 6, maxLength: 6 }))
  .map(([promotions, budgets]) => promotions.map((promotion: WirePromotion, i) => ({ ...promotion, limits: { budgetRemaining: budgets[i] ?? 0 } })));

const method = fc.record({
  zone: fc.constantFrom('domestic', 'international'),
  method: fc.constantFrom('standard', 'express'),
  country: fc.constantFrom('US', 'CA'),
  amount: fc.integer({ min: 0, max: 3_000 }),
});

/** Version 1 carts with lines that may not be discountable, tax rates, and a shipping list instead of the object. */
export const cartV2Arb = fc
  .tuple(
    cartArb,
    fc.array(fc.record({ discountable: fc.boolean(), taxRate: fc.integer({ min: 0, max: 10_000 }) }), { minLength: 6, maxLength: 6 }),
    fc.option(fc.array(method, { maxLength: 3 }), { nil: null }),
  )
  .map(([cart, extras, methods]): Cart => ({
    ...cart,
    lines: cart.lines.map((line, i) => ({ ...line, ...(extras[i] ?? {}) })),
    shipping: methods === null ? cart.shipping ?? null : methods.map((m, i): CartShippingMethod => ({ methodId: `m${i + 1}`, ...m })),
  }));
