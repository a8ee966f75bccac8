import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCloudEvent, type OrderPlacedData, validateData } from '@promo/contracts';
import { waitFor } from '@promo/platform/testing';
import type { Client } from 'pg';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger } from './support/ledger-test-env';

interface StreamRecord {
  readonly topic: 'order.placed' | 'order.cancelled';
  readonly key: string | null;
  readonly value: string;
}

interface Entry {
  readonly sequence: number;
  readonly kind: string;
  readonly orderId: string | null;
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly reason: string | null;
}

/**
 * The store the stream was recorded under (streams README), as limits: [total, per code, per customer], and what the
 * promotion change declares: its shared codes and usesPerCode. WINBACK's codes are a group's, single-use without
 * declaring usesPerCode (#19.2), so the replay checks that default.
 */
const LIMITS: Readonly<
  Record<string, { readonly total: number | null; readonly perCode: number | null; readonly perCustomer: number | null; readonly codes: readonly string[]; readonly declaredPerCode: number | null }>
> = {
  'promo-auto10': { total: null, perCode: null, perCustomer: null, codes: [], declaredPerCode: null },
  'promo-freeship75': { total: null, perCode: null, perCustomer: null, codes: [], declaredPerCode: null },
  'promo-welcome20': { total: null, perCode: null, perCustomer: 1, codes: ['WELCOME20'], declaredPerCode: null },
  'promo-volume10': { total: 5, perCode: null, perCustomer: 1, codes: ['VOLUME10'], declaredPerCode: null },
  'promo-winback': { total: null, perCode: 1, perCustomer: 1, codes: [], declaredPerCode: null }, // a coupon's default: one use per customer; a group code's: one use
};

function isOrderPlaced(data: unknown): data is OrderPlacedData {
  return validateData('order.placed', data)?.length === 0;
}

describe('the recorded storefront day replayed through Kafka into the ledger', () => {
  let harness: LedgerHarness;
  let ledger: RunningLedger;
  let sql: Client;
  const records: StreamRecord[] = readFileSync(path.join(__dirname, 'fixtures/streams/storefront-day.orders.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed: { topic: StreamRecord['topic']; key: string | null; value: string } = JSON.parse(line);
      return parsed;
    });

  beforeAll(async () => {
    harness = await startLedgerHarness();
    ({ ledger, sql } = harness);
    for (const [promotionId, limits] of Object.entries(LIMITS)) {
      const change = aPromotionChange(promotionId).withCodes(...limits.codes).withLimits({ totalUses: limits.total, usesPerCode: limits.declaredPerCode, ...(limits.perCustomer === null ? {} : { usesPerCustomer: limits.perCustomer }) });
      expect((await request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', (promotionId.startsWith('promo-auto') || promotionId.startsWith('promo-free') ? change : change.coupon()).build())).status).toBe(200);
    }
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('decides every code use once, by the limits, in the ledger’s own order, and reverses only accepted uses of cancelled orders', async () => {
    for (const record of records) {
      await harness.publishRaw(record.topic, record.key, record.value);
    }
    const wellFormed = new Map<string, { topic: string; data: unknown }>();
    for (const record of records) {
      const decoded = decodeCloudEvent(record.value, new Set([record.topic]));
      if (decoded.ok) wellFormed.set(decoded.event.id, { topic: record.topic, data: decoded.event.data });
    }
    await waitFor(async () => (await sql.query('SELECT count(*)::int AS n FROM processed_events')).rows[0]?.n === wellFormed.size, { timeoutMs: 60_000, description: 'every well-formed order event consumed' });

    const placed = new Map<string, OrderPlacedData>();
    const cancelled = new Set<string>();
    for (const { topic, data } of wellFormed.values()) {
      if (topic === 'order.placed' && isOrderPlaced(data)) placed.set(data.orderId, data);
      if (topic === 'order.cancelled' && typeof data === 'object' && data !== null && 'orderId' in data && typeof data.orderId === 'string') cancelled.add(data.orderId);
    }
    const entries: Entry[] = [];
    for (let cursor: number | null = 0; cursor !== null; ) {
      const page = (await request(ledger.baseUrl, ADMIN_KEY, 'GET', `/v1/ledger?limit=1000&cursor=${cursor}`)).body as { items: Entry[]; nextCursor: number | null };
      entries.push(...page.items);
      cursor = page.nextCursor;
    }

    // One decision per order and promotion use carried by the stream.
    const carried = [...placed.values()].flatMap((order) => (order.appliedPromotions ?? []).map((use) => `${order.orderId}|${use.promotionId}|${use.code ?? ''}`)).sort();
    const decided = entries.filter((e) => e.kind === 'committed' || e.kind === 'rejected').map((e) => `${e.orderId}|${e.promotionId}|${e.code ?? ''}`).sort();
    expect(decided).toEqual(carried);

    // Replaying the limits over the ledger's processing order gives the same decision for every use.
    const live = new Map<string, number>();
    const bump = (key: string, by: number) => live.set(key, (live.get(key) ?? 0) + by);
    const mismatches: string[] = [];
    for (const entry of entries) {
      const limits = LIMITS[entry.promotionId];
      if (!limits) throw new Error(`unexpected promotion ${entry.promotionId}`);
      const keys = [
        { key: `${entry.promotionId}|total`, limit: limits.total, reason: 'total_limit_reached' },
        { key: `${entry.promotionId}|code|${entry.code?.toLowerCase() ?? ''}`, limit: entry.code ? limits.perCode : null, reason: 'code_limit_reached' },
        { key: `${entry.promotionId}|customer|${entry.customerId ?? ''}`, limit: entry.customerId ? limits.perCustomer : null, reason: 'customer_limit_reached' },
      ];
      const refusal = keys.find((k) => k.limit !== null && (live.get(k.key) ?? 0) + 1 > k.limit);
      if (entry.kind === 'committed') {
        if (refusal) mismatches.push(`${entry.sequence} accepted beyond ${refusal.reason}`);
        for (const k of keys) bump(k.key, 1);
      } else if (entry.kind === 'rejected') {
        if (refusal?.reason !== entry.reason) mismatches.push(`${entry.sequence} rejected for ${String(entry.reason)}, limits say ${String(refusal?.reason)}`);
      } else if (entry.kind === 'reversed') {
        for (const k of keys) bump(k.key, -1);
      }
    }
    expect(mismatches).toEqual([]);

    // Only accepted uses of cancelled orders are reversed, each once.
    const accepted = new Set(entries.filter((e) => e.kind === 'committed').map((e) => `${e.orderId}|${e.promotionId}`));
    const reversed = entries.filter((e) => e.kind === 'reversed').map((e) => `${e.orderId}|${e.promotionId}`);
    expect(new Set(reversed).size).toBe(reversed.length);
    expect(reversed.filter((use) => !accepted.has(use))).toEqual([]);
    expect(reversed.sort()).toEqual([...accepted].filter((use) => cancelled.has(use.split('|')[0] ?? '')).sort());
    expect(entries.filter((e) => e.kind === 'rejected').length).toBeGreaterThan(0);

    // Revenue: Σ total over distinct orders placed, cancelled ones included (streams README).
    const ordersTotal = [...placed.values()].reduce((sum, order) => sum + order.total, 0);
    expect((await request(ledger.baseUrl, ADMIN_KEY, 'GET', '/v1/statistics/orders')).body).toEqual({
      orders: placed.size,
      cancelled: [...cancelled].filter((orderId) => placed.has(orderId)).length,
      byCurrency: [{ currency: 'USD', ordersTotal }],
    });
  }, 120_000);
});
