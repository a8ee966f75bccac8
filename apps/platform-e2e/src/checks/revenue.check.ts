import type { AdminClient } from '../cluster/admin-client';
import type { ExpectedOutcomes } from '../stream/expected-outcomes';
import type { StreamFacts } from '../stream/stream-facts';
import { type CheckResult, compare } from './check-result';
import { itemsOf } from './items-of';

/**
 * Attributed revenue (L4, K5): the ledger's order figures and the campaigns' recovered revenue agree
 * with sums computed from the stream by the rules, never copied from the expected file.
 */
export async function checkRevenue(expected: ExpectedOutcomes, facts: StreamFacts, ledger: AdminClient, campaigns: AdminClient): Promise<CheckResult[]> {
  const orders = await ledger.get<{ orders: number; cancelled: number; byCurrency: { currency: string; ordersTotal: number }[] }>('/v1/statistics/orders');
  const cancelledPlaced = [...facts.orders.keys()].filter((id) => facts.cancelledOrderIds.has(id)).length;

  // K5: an order (not cancelled) for an emailed cart, placed after the email was due, recovers it.
  let recoveredRevenue = 0;
  const recoveredCarts = new Set<string>();
  for (const email of expected.abandonedCartEmails) {
    for (const order of facts.orders.values()) {
      if (order.cartId === email.cartId && Date.parse(order.placedAt) > Date.parse(email.dueAt) && !facts.cancelledOrderIds.has(order.orderId)) {
        recoveredRevenue += order.total;
        recoveredCarts.add(order.cartId);
      }
    }
  }
  const steps = itemsOf<{ recoveredCarts: number; recoveredRevenue: number }>(await campaigns.get('/v1/statistics/campaigns'));
  return [
    compare('ledger: orders seen (distinct order.placed)', facts.orders.size, orders.orders),
    compare('ledger: cancelled orders', cancelledPlaced, orders.cancelled),
    compare('ledger: Σ order totals, cancelled included (= expected ordersTotal)', expected.revenue.ordersTotal, orders.byCurrency.reduce((sum, c) => sum + c.ordersTotal, 0)),
    compare('campaigns: recovered carts (orders after the email was due)', recoveredCarts.size, steps.reduce((sum, s) => sum + s.recoveredCarts, 0)),
    compare('campaigns: recovered revenue', recoveredRevenue, steps.reduce((sum, s) => sum + s.recoveredRevenue, 0)),
  ];
}
