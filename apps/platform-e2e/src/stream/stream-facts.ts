import { type CloudEvent, decodeCloudEvent, type OrderCancelledData, type OrderPlacedData, UPSTREAM_EVENT_TYPES } from '@promo/contracts';
import type { StreamRecord } from './stream-record';

const upstreamTypes = new Set<string>(UPSTREAM_EVENT_TYPES);

/** Facts computed from the stream by the README's rules, for checks the expected file leaves to the rules. */
export interface StreamFacts {
  readonly records: number;
  /** The greatest record timestamp: where a replay's clock stops (an email due after it is not sent). */
  readonly endOfStream: string;
  readonly firstTimestamp: string;
  /** Distinct well-formed events (by CloudEvent id) per topic. */
  readonly distinctByTopic: ReadonlyMap<string, number>;
  /** Record count per topic, malformed and redelivered ones included. */
  readonly recordsByTopic: ReadonlyMap<string, number>;
  readonly orders: ReadonlyMap<string, OrderPlacedData>;
  readonly cancelledOrderIds: ReadonlySet<string>;
  /** Σ total over distinct order.placed events, cancelled orders included (streams README, revenue). */
  readonly ordersTotal: number;
}

export function computeStreamFacts(records: readonly StreamRecord[]): StreamFacts {
  const seen = new Map<string, Set<string>>();
  const recordsByTopic = new Map<string, number>();
  const orders = new Map<string, OrderPlacedData>();
  const cancelled = new Set<string>();
  let end = '';
  let first = '';
  for (const record of records) {
    recordsByTopic.set(record.topic, (recordsByTopic.get(record.topic) ?? 0) + 1);
    if (end === '' || Date.parse(record.timestamp) > Date.parse(end)) end = record.timestamp;
    if (first === '' || Date.parse(record.timestamp) < Date.parse(first)) first = record.timestamp;
    const decoded = decodeCloudEvent(record.value, new Set([record.topic].filter((t) => upstreamTypes.has(t))));
    if (!decoded.ok) continue;
    const ids = seen.get(record.topic) ?? new Set<string>();
    if (ids.has(decoded.event.id)) continue;
    ids.add(decoded.event.id);
    seen.set(record.topic, ids);
    collectOrder(decoded.event, orders, cancelled);
  }
  let ordersTotal = 0;
  for (const order of orders.values()) ordersTotal += order.total;
  return {
    records: records.length,
    endOfStream: end,
    firstTimestamp: first,
    distinctByTopic: new Map([...seen].map(([topic, ids]) => [topic, ids.size])),
    recordsByTopic,
    orders,
    cancelledOrderIds: cancelled,
    ordersTotal,
  };
}

function collectOrder(event: CloudEvent, orders: Map<string, OrderPlacedData>, cancelled: Set<string>): void {
  if (event.type === 'order.placed') {
    const order = event.data as OrderPlacedData;
    if (!orders.has(order.orderId)) orders.set(order.orderId, order);
  } else if (event.type === 'order.cancelled') {
    cancelled.add((event.data as OrderCancelledData).orderId);
  }
}
