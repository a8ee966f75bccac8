// `npm start`'s demo: sets the demo store up through the running services' admin APIs (once), replays
// the recorded one-day stream into the local broker (once), waits for the consumers, and prints what
// happened and where to look. Env: PRICING_URL, CODE_INVENTORY_URL, LEDGER_URL, CAMPAIGNS_URL,
// ADMIN_API_KEY, KAFKA_BROKERS, MAILDEV_URL; STREAM_FILE/STREAM_CODES point at another recording.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deadLetterTopic } from '@promo/contracts';
import { createKafka } from '@promo/messaging';
import { waitFor } from '@promo/platform/testing';
import { ApiProblemError } from '@promo/client';
import { ingestionStats, serviceClients } from './cluster/service-clients';
import { UPSTREAM_CONSUMERS } from './checks/ingestion.check';
import { consumerLag } from './replay/consumer-lag';
import { createRecordedTopics, replay } from './replay/replayer';
import { DEMO_CAMPAIGNS, DEMO_CODE_LIMITS, DEMO_PROMOTIONS, DEMO_WINBACK_GROUP, WINBACK_GROUP } from './setup/demo-store';
import { loadStream } from './stream/stream-record';

const FIXTURES = path.resolve(__dirname, '../test/fixtures/streams');
const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const say = (line: string) => process.stdout.write(`demo: ${line}\n`);

async function main(): Promise<void> {
  const key = env('ADMIN_API_KEY');
  const urls = {
    pricing: env('PRICING_URL', 'http://127.0.0.1:3001'),
    'code-inventory': env('CODE_INVENTORY_URL', 'http://127.0.0.1:3002'),
    'redemption-ledger': env('LEDGER_URL', 'http://127.0.0.1:3003'),
    campaigns: env('CAMPAIGNS_URL', 'http://127.0.0.1:3004'),
  } as const;
  const clients = serviceClients((service) => urls[service], key);

  let created = 0;
  /** Creates what the demo needs unless it exists (409): the demo store is set up once per database. */
  const createOnce = async (create: () => Promise<unknown>) => {
    try {
      await create();
      created += 1;
    } catch (error) {
      if (!(error instanceof ApiProblemError && error.status === 409)) throw error;
    }
  };
  for (const promotion of DEMO_PROMOTIONS) await createOnce(() => clients.pricing.post('/v1/promotions', { body: promotion }));
  await createOnce(() => clients.codeInventory.post('/v1/groups', { body: DEMO_WINBACK_GROUP }));
  const winback = readFileSync(env('STREAM_CODES', path.join(FIXTURES, 'winback-codes.txt')), 'utf8').split('\n').map((c) => c.trim()).filter((c) => c !== '');
  await createOnce(() => clients.codeInventory.post('/v1/groups/{groupId}/codes', { path: { groupId: WINBACK_GROUP }, body: { codes: winback } }));
  for (const campaign of DEMO_CAMPAIGNS) await createOnce(() => clients.campaigns.post('/v1/campaigns', { body: campaign }));
  say(created > 0 ? `demo store set up (${DEMO_PROMOTIONS.length} promotions, ${winback.length} WINBACK codes, ${DEMO_CAMPAIGNS.length} campaigns)` : 'demo store already set up');

  const kafka = createKafka({ clientId: 'demo-loader', brokers: env('KAFKA_BROKERS', '127.0.0.1:19092').split(',') });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const stats = await ingestionStats(clients, 'pricing');
    if ((stats.topics.find((t) => t.topic === 'cart.updated')?.processed ?? 0) > 0) {
      say('the recorded stream was replayed before; not replaying it again');
    } else {
      const records = loadStream(env('STREAM_FILE', path.join(FIXTURES, 'storefront-day.jsonl')));
      await createRecordedTopics(admin, records);
      const seconds = await replay(producer, records, { speed: Number.POSITIVE_INFINITY, onProgress: (done, total) => done % 1000 < 200 && say(`replayed ${done}/${total}`) });
      say(`replayed ${records.length} recorded records in ${Math.round(seconds * 10) / 10} s`);
    }
    for (const [group, topics] of Object.entries(UPSTREAM_CONSUMERS)) {
      if (topics.length > 0) await waitFor(async () => (await consumerLag(admin, group, topics)) === 0, { timeoutMs: 300_000, intervalMs: 500, description: `${group} to catch up` });
    }
    say('every consumer caught up');
    const { items: emails } = await clients.campaigns.get('/v1/emails');
    say(`emails sent so far (due ones keep going out): ${emails.filter((e) => e.kind === 'abandoned_cart').length} abandoned-cart, ${emails.filter((e) => e.kind === 'retention').length} retention`);
    for (const [code, limits] of DEMO_CODE_LIMITS) {
      const { items: entries } = await clients.redemptionLedger.get('/v1/ledger', { query: { promotionId: limits.promotionId, limit: 1000 } });
      say(`${code}: ${entries.filter((e) => e.kind === 'committed').length} uses accepted, ${entries.filter((e) => e.kind === 'rejected').length} rejected over the limit`);
    }
    for (const [service, topics] of Object.entries(UPSTREAM_CONSUMERS)) {
      for (const topic of topics) {
        const dlq = deadLetterTopic(topic, service);
        const offsets = (await admin.listTopics()).includes(dlq) ? await admin.fetchTopicOffsets(dlq) : [];
        const count = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
        if (count > 0) say(`dead-lettered by ${service} from ${topic}: ${count} (topic ${dlq})`);
      }
    }
  } finally {
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
