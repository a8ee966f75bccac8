import { createKafka } from '@promo/messaging';
import { testInfra, uniqueSuffix, waitFor } from '@promo/platform/testing';
import type { Admin, Kafka } from 'kafkajs';
import { adminRequest } from './campaigns-test-env';
import { receivedEmails, type ReceivedEmail } from './maildev-inbox';
import { isRetriableKafkaError } from '@promo/messaging';
import { readFixtureJson, readStream, type RecordedRecord, UPSTREAM_TOPICS } from './stream-replayer';

export interface ExpectedOutcome {
  /** `cartId|customerId|dueAt(ISO ms)`, one per expected abandoned-cart email. */
  readonly abandonedCart: readonly string[];
  /** customerIds of the expected retention emails, sorted (a customer may appear twice). */
  readonly retention: readonly string[];
}

function list(value: unknown, key: string): readonly unknown[] {
  const found: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  if (!Array.isArray(found)) throw new Error(`expected file has no list ${key}`);
  return found;
}

function str(value: unknown, key: string): string {
  const found: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  if (typeof found !== 'string') throw new Error(`expected entry has no ${key}`);
  return found;
}

/** The oracle: storefront-day.expected.json, nothing computed from the stream. */
export function expectedOutcome(): ExpectedOutcome {
  const expected = readFixtureJson('storefront-day.expected.json');
  return {
    abandonedCart: list(expected, 'abandonedCartEmails')
      .map((e) => `${str(e, 'cartId')}|${str(e, 'customerId')}|${new Date(str(e, 'dueAt')).toISOString()}`)
      .sort(),
    retention: list(expected, 'retentionEmails')
      .map((e) => str(e, 'customerId'))
      .sort(),
  };
}

export function storefrontDay(): readonly RecordedRecord[] {
  return readStream('storefront-day.jsonl');
}

export interface ReplayCampaigns {
  readonly abandonedCartId: string;
  readonly retentionId: string;
}

/**
 * The campaign settings of the streams README: one abandoned-cart email 60 minutes after the last
 * change for carts worth at least 5000, at most one per customer in 24 hours; a retention email at
 * 60 days inactive, at most one per 30 days. With `withCodes` each email carries a fresh WINBACK code
 * from code-inventory (`promocode` macro), bound to the customer.
 */
export async function createReplayCampaigns(baseUrl: string, options: { readonly withCodes?: boolean } = {}): Promise<ReplayCampaigns> {
  const codeLine = options.withCodes ? "\nYour code: {{promocode 'WINBACK'}}" : '';
  const suffix = uniqueSuffix();
  const abandonedCartId = `ac-${suffix}`;
  const retentionId = `rt-${suffix}`;
  const abandoned = await adminRequest(baseUrl, 'POST', '/v1/campaigns', {
    campaignId: abandonedCartId,
    name: 'Abandoned cart',
    kind: 'abandoned_cart',
    minimumCartValue: 5000,
    frequencyCapHours: 24,
    steps: [{ delayMinutes: 60, template: { subject: 'You left {{cart.total}} in your cart', text: `Hi {{customer.email}}\n{{cart.lines}}\nBack to your cart: {{cart.recoveryUrl}}${codeLine}\nUnsubscribe: {{unsubscribeUrl}}` } }],
  });
  if (abandoned.status !== 201) throw new Error(`abandoned-cart campaign not created: ${JSON.stringify(abandoned.body)}`);
  const retention = await adminRequest(baseUrl, 'POST', '/v1/campaigns', {
    campaignId: retentionId,
    name: 'Win back',
    kind: 'retention',
    minimumDaysInactive: 60,
    coolDownDays: 30,
    template: { subject: 'We miss you', text: `Hi {{customer.email}}, come back soon.${codeLine}\nUnsubscribe: {{unsubscribeUrl}}` },
  });
  if (retention.status !== 201) throw new Error(`retention campaign not created: ${JSON.stringify(retention.body)}`);
  return { abandonedCartId, retentionId };
}

export function testKafka(): Kafka {
  return createKafka({ clientId: `campaigns-replay-${uniqueSuffix()}`, brokers: testInfra().kafkaBrokers });
}

/** true once the group has committed every record of the prefixed upstream topics; false while a topic's leader is still being elected. */
export async function isCaughtUp(kafka: Kafka, groupId: string, prefix: string, topics: readonly string[] = UPSTREAM_TOPICS): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await hasCommittedAll(admin, groupId, prefix, topics);
  } catch (error) {
    if (isRetriableKafkaError(error)) return false;
    throw error;
  } finally {
    await admin.disconnect();
  }
}

async function hasCommittedAll(admin: Admin, groupId: string, prefix: string, topics: readonly string[]): Promise<boolean> {
  for (const topic of topics.map((t) => `${prefix}${t}`)) {
    const highs = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const { partition, high } of highs) {
      const offset = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      if (BigInt(high) > 0n && BigInt(offset) < BigInt(high)) return false;
    }
  }
  return true;
}

export function abandonedKeys(emails: readonly ReceivedEmail[], campaigns: ReplayCampaigns): string[] {
  return emails
    .filter((e) => e.campaignId === campaigns.abandonedCartId)
    .map((e) => `${e.cartId}|${e.customerId}|${e.dueAt}`)
    .sort();
}

export function retentionCustomers(emails: readonly ReceivedEmail[], campaigns: ReplayCampaigns): string[] {
  return emails
    .filter((e) => e.campaignId === campaigns.retentionId)
    .map((e) => e.customerId)
    .sort();
}

/** Every email `GET /v1/emails` lists, page after page. */
export async function listedEmails(baseUrl: string): Promise<readonly unknown[]> {
  const items: unknown[] = [];
  let cursor: unknown = null;
  do {
    const listed = await adminRequest(baseUrl, 'GET', `/v1/emails?limit=1000${typeof cursor === 'string' ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...list(listed.body, 'items'));
    cursor = typeof listed.body === 'object' && listed.body !== null ? Reflect.get(listed.body, 'nextCursor') : null;
  } while (typeof cursor === 'string');
  return items;
}

/**
 * Waits until the app has consumed everything, has nothing left to send and the inbox holds as many
 * emails as the app recorded as sent; returns the inbox (the assertions compare it with the oracle).
 */
export async function waitForQuietInbox(options: {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly prefix: string;
  readonly baseUrl: () => string;
  readonly campaigns: ReplayCampaigns;
  readonly expectedTotal: number;
}): Promise<readonly ReceivedEmail[]> {
  const ids = [options.campaigns.abandonedCartId, options.campaigns.retentionId];
  await waitFor(() => isCaughtUp(options.kafka, options.groupId, options.prefix), { timeoutMs: 120_000, intervalMs: 500, description: 'the consumer to catch up' });
  return waitFor(
    async () => {
      const inbox = await receivedEmails(ids);
      const items = (await listedEmails(options.baseUrl())).filter((item) => ids.includes(str(item, 'campaignId')));
      // A resend after a crash carries the same Message-ID: the inbox holds each email once per Message-ID.
      const isSettled = items.every((item) => str(item, 'status') === 'sent') && items.length === new Set(inbox.map((e) => e.messageId)).size;
      return isSettled && items.length >= options.expectedTotal ? inbox : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 500, description: 'every decided email to reach the inbox' },
  );
}

/** The code an email shows and the token of its signed link (`Your code: CODE (tracked link to ...?code=&token=)`). */
export function codeOf(email: ReceivedEmail): { readonly code: string; readonly token: string } | undefined {
  const match = /Your code: (\S+) \((\S+)\)/.exec(email.text);
  if (!match?.[1] || !match[2]) return undefined;
  const target = new URL(match[2]).searchParams.get('to');
  const token = target ? new URL(target).searchParams.get('token') : null;
  return token ? { code: match[1], token } : undefined;
}

/** One message per Message-ID (what a receiving MTA or mail client that de-duplicates by Message-ID shows). */
export function distinctByMessageId(inbox: readonly ReceivedEmail[]): readonly ReceivedEmail[] {
  return [...new Map(inbox.map((email) => [email.messageId, email])).values()];
}
