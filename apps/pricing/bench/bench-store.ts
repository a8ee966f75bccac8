/** The store every pricing benchmark prices: deterministic promotions over 200 categories and one 10-line cart. */
const CATEGORIES = Array.from({ length: 200 }, (_, i) => `dept-${i % 20}/cat-${i}`);

/** Deterministic pseudo-random numbers (mulberry32): every run prices the same store. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The i-th promotion: mostly category-targeted item discounts, some order-level ones behind a subtotal. */
export function promotion(i: number, next: () => number): Record<string, unknown> {
  const base = { id: `bench-${i}`, kind: 'automatic', priority: i, targeting: { channels: ['web'], currency: 'USD' } };
  const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)] ?? 'dept-0/cat-0';
  if (i % 10 === 0) return { ...base, rules: [{ conditions: { subtotalAtLeast: 50_000 + i * 100 }, reward: { type: 'orderPercent', percent: 5 } }] };
  if (i % 10 === 1) return { ...base, rules: [{ conditions: { quantityAtLeast: { count: 3, items: { category: [category] } } }, reward: { type: 'itemsAmount', amount: 100, items: { include: { category: [category] } }, applyTo: 'each' } }] };
  return { ...base, rules: [{ conditions: { valueAtLeast: { amount: 2_000, items: { category: [category] } } }, reward: { type: 'itemsPercent', percent: 10, items: { include: { category: [category] } }, applyTo: 'each' } }] };
}

export const cart = (cartId: string): Record<string, unknown> => ({
  cartId,
  channel: 'web',
  currency: 'USD',
  customer: { customerId: 'cu-bench', groups: ['vip'], segments: [], orderCount: 3 },
  lines: Array.from({ length: 10 }, (_, i) => ({
    lineId: `l${i}`,
    sku: `sku-${i}`,
    productId: `p-${i}`,
    quantity: 1 + (i % 3),
    unitPrice: 1_500 + i * 750,
    categories: [CATEGORIES[i * 7] ?? 'dept-0/cat-0'],
  })),
  codes: [],
  shipping: { country: 'US', zone: 'domestic', method: 'standard', amount: 800 },
  updatedAt: '2026-11-25T12:00:00Z',
});
