import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export interface PlacedOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly promotionId: string;
  /** Minor units. */
  readonly discount: number;
  readonly total: number;
  readonly placedAt: string;
}

/** Publishes `order.placed` as the commerce platform would (CloudEvents 1.0 envelope, USD, one line). */
export async function publishOrders(brokers: string, orders: readonly PlacedOrder[]): Promise<void> {
  const producer = new Kafka({ clientId: 'console-e2e', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({
      topic: 'order.placed',
      messages: orders.map((order) => ({
        key: order.orderId,
        value: JSON.stringify({
          specversion: '1.0',
          id: randomUUID(),
          source: 'commerce-platform/console-e2e',
          type: 'order.placed',
          time: order.placedAt,
          datacontenttype: 'application/json',
          subject: order.orderId,
          data: {
            orderId: order.orderId,
            cartId: `cart-${order.orderId}`,
            channel: 'web',
            currency: 'USD',
            customer: { customerId: order.customerId },
            lines: [{ lineId: 'l1', sku: 'SKU-1', productId: 'p1', quantity: 1, unitPrice: order.total + order.discount }],
            appliedPromotions: [{ promotionId: order.promotionId, code: null, amount: order.discount }],
            reservationId: null,
            subtotal: order.total + order.discount,
            discountTotal: order.discount,
            shippingTotal: 0,
            total: order.total,
            placedAt: order.placedAt,
          },
        }),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** True once the ledger has stored the promotion's limits (from pricing.promotion-changed). */
export async function ledgerKnows(pgUrl: string, promotionId: string): Promise<boolean> {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM redemption_ledger.promotion_limits WHERE promotion_id = $1', [promotionId]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}
