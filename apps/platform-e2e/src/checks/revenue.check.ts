import type { CampaignsClient, RedemptionLedgerClient } from '@promo/client';
import type { ExpectedOutcomes } from '../stream/expected-outcomes';
import type { StreamFacts } from '../stream/stream-facts';
import { type CheckResult, compare } from './check-result';
import { allPages } from './items-of';

/** A currency -> amount tally, printed in currency order so two tallies compare as text. */
function byCurrency(entries: Iterable<readonly [string, number]>): string {
  const totals = new Map<string, number>();
  for (const [currency, amount] of entries) totals.set(currency, (totals.get(currency) ?? 0) + amount);
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => `${currency} ${amount}`).join(', ');
}

/**
 * Attributed revenue (L4, K5): the ledger's order figures and the campaigns' recovered revenue agree
 * with sums computed from the stream by the rules, never copied from the expected file. K5 (#19.8): an
 * order, not cancelled, is recovered by the last email due before it among the abandoned-cart emails of
 * its cart (the expected ones) and the retention emails of its customer (their due times as campaigns
 * sent them; which customers got one is the emails check's); counted once, per currency.
 */
export async function checkRevenue(expected: ExpectedOutcomes, facts: StreamFacts, ledger: RedemptionLedgerClient, campaigns: CampaignsClient): Promise<CheckResult[]> {
  const orders = await ledger.get('/v1/statistics/orders');
  const cancelledPlaced = [...facts.orders.keys()].filter((id) => facts.cancelledOrderIds.has(id)).length;
  const sent = await allPages((cursor) => campaigns.get('/v1/emails', { query: { kind: 'retention', limit: 500, ...(cursor === undefined ? {} : { cursor }) } }));
  const retentionDue = sent.filter((e) => e.kind === 'retention');

  const recovered: { readonly cartId: string; readonly currency: string; readonly total: number }[] = [];
  for (const order of facts.orders.values()) {
    if (facts.cancelledOrderIds.has(order.orderId)) continue;
    const placedAt = Date.parse(order.placedAt);
    const customerId = order.customer?.customerId;
    const before = [
      ...expected.abandonedCartEmails.filter((e) => e.cartId === order.cartId).map((e) => e.dueAt),
      ...retentionDue.filter((e) => customerId !== undefined && e.customerId === customerId).map((e) => e.dueAt),
    ].filter((dueAt) => Date.parse(dueAt) < placedAt);
    if (before.length > 0) recovered.push({ cartId: order.cartId, currency: order.currency, total: order.total });
  }
  const { items: steps } = await campaigns.get('/v1/statistics/campaigns');
  return [
    compare('ledger: orders seen (distinct order.placed)', facts.orders.size, orders.orders),
    compare('ledger: cancelled orders', cancelledPlaced, orders.cancelled),
    compare('ledger: Σ order totals, cancelled included (= expected ordersTotal)', expected.revenue.ordersTotal, orders.byCurrency.reduce((sum, c) => sum + c.ordersTotal, 0)),
    compare('campaigns: recovered orders (each once, after the last email due before it)', recovered.length, steps.reduce((sum, s) => sum + s.recoveredOrders, 0)),
    compare('campaigns: recovered carts', new Set(recovered.map((r) => r.cartId)).size, steps.reduce((sum, s) => sum + s.recoveredCarts, 0)),
    compare(
      'campaigns: recovered revenue per currency',
      byCurrency(recovered.map((r) => [r.currency, r.total] as const)),
      byCurrency(steps.flatMap((s) => s.recoveredRevenueByCurrency.map((r) => [r.currency, r.amount] as const))),
    ),
  ];
}
