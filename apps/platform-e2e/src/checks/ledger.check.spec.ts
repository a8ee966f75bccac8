import type { OrderPlacedData } from '@promo/contracts';
import type { RedemptionLedgerClient } from '@promo/client';
import type { StreamFacts } from '../stream/stream-facts';
import type { ExpectedOutcomes } from '../stream/expected-outcomes';
import { checkLedger, type LedgerEntry } from './ledger.check';

function order(orderId: string, customerId: string, code: string): OrderPlacedData {
  return {
    orderId,
    cartId: `cart-${orderId}`,
    channel: 'web',
    currency: 'USD',
    customer: { customerId },
    lines: [{ lineId: 'l1', sku: 'S', productId: 'p', quantity: 1, unitPrice: 1000 }],
    codes: [code],
    subtotal: 1000,
    discountTotal: 100,
    shippingTotal: 0,
    total: 900,
    placedAt: '2026-11-20T10:00:00Z',
  };
}

function facts(orders: OrderPlacedData[], cancelled: string[]): StreamFacts {
  return {
    records: orders.length,
    endOfStream: '2026-11-20T23:00:00Z',
    firstTimestamp: '2026-11-20T00:00:00Z',
    distinctByTopic: new Map(),
    recordsByTopic: new Map(),
    orders: new Map(orders.map((o) => [o.orderId, o])),
    cancelledOrderIds: new Set(cancelled),
    ordersTotal: 0,
  };
}

const ledgerAnswering = (entries: LedgerEntry[]) => ({ get: async () => ({ items: entries, nextCursor: null }) }) as unknown as RedemptionLedgerClient;
const expectedOrders = (n: number) => ({ codes: { VOLUME10: { orders: n } } }) as unknown as ExpectedOutcomes;
const limits = new Map([['VOLUME10', { promotionId: 'promo-volume10', total: 2, perCustomer: 1 }]]);
const entry = (sequence: number, kind: LedgerEntry['kind'], orderId: string, customerId: string): LedgerEntry => ({
  sequence,
  at: '2026-11-20T10:00:00Z',
  kind,
  orderId,
  promotionId: 'promo-volume10',
  code: 'VOLUME10',
  customerId,
  units: 1,
  currency: 'USD',
  discountAmount: 100,
  reason: null,
  reservationId: null,
});

describe('checkLedger', () => {
  const stream = facts([order('o1', 'a', 'VOLUME10'), order('o2', 'a', 'volume10 '), order('o3', 'b', 'VOLUME10'), order('o4', 'c', 'VOLUME10')], ['o1']);

  it('passes a ledger whose decisions follow the limits in its own order, with the cancelled accepted use reversed', async () => {
    // o1 accepted, o2 rejected (a already used), o1 cancelled → reversed, o3 accepted, o4 accepted (total 2 live after the reversal).
    const entries = [entry(1, 'committed', 'o1', 'a'), entry(2, 'rejected', 'o2', 'a'), entry(3, 'reversed', 'o1', 'a'), entry(4, 'committed', 'o3', 'b'), entry(5, 'committed', 'o4', 'c')];
    const results = await checkLedger(expectedOrders(4), stream, ledgerAnswering(entries), limits, new Set());
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('catches an overrun, a decision the limits contradict, a missing decision and a wrong reversal', async () => {
    // o3 and o4 accepted while o1 still live: total 3 > 2; o2 has no decision; o1 never reversed.
    const entries = [entry(1, 'committed', 'o1', 'a'), entry(2, 'committed', 'o3', 'b'), entry(3, 'committed', 'o4', 'c')];
    const failed = (await checkLedger(expectedOrders(4), stream, ledgerAnswering(entries), limits, new Set())).filter((r) => !r.ok).map((r) => r.check);
    expect(failed).toEqual([
      'VOLUME10: one decision per order (accepted + rejected = orders)',
      "VOLUME10: limits re-applied over the ledger's order agree with every decision",
      'VOLUME10: accepted uses beyond a limit at any point',
      'VOLUME10: reversed = accepted uses of cancelled orders, each once',
    ]);
  });
});
