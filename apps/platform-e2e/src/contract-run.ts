import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKafka } from '@promo/messaging';
import { waitFor } from '@promo/platform/testing';
import { type CheckResult, compare, formatReport } from './checks/check-result';
import { checkEmails } from './checks/emails.check';
import { checkIngestion, UPSTREAM_CONSUMERS } from './checks/ingestion.check';
import { checkLedger } from './checks/ledger.check';
import { checkRevenue } from './checks/revenue.check';
import { AdminClient } from './cluster/admin-client';
import { startE2eInfrastructure } from './cluster/e2e-infrastructure';
import { SERVICES, ServiceCluster, type ServiceName } from './cluster/service-cluster';
import { consumerLag } from './replay/consumer-lag';
import { createRecordedTopics, replay } from './replay/replayer';
import { DEMO_CODE_LIMITS, DEMO_PROMOTIONS, setUpDemoStore } from './setup/demo-store';
import { loadExpected } from './stream/expected-outcomes';
import { computeStreamFacts } from './stream/stream-facts';
import { loadStream } from './stream/stream-record';

const FIXTURES = path.resolve(__dirname, '../test/fixtures/streams');

export interface ContractRunOptions {
  readonly streamFile: string;
  readonly expectedFile: string;
  readonly codesFile: string;
  /** Recorded speed × N; Infinity = as fast as possible. */
  readonly speed: number;
  readonly chaos: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
}

export interface ContractRunResult {
  readonly results: readonly CheckResult[];
  readonly replaySeconds: number;
  readonly eventsPerSecond: number;
  readonly report: string;
}

export function contractOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, argv: readonly string[], log: (line: string) => void): ContractRunOptions {
  const speed = env['REPLAY_SPEED'] === undefined || env['REPLAY_SPEED'] === 'max' ? Number.POSITIVE_INFINITY : Number(env['REPLAY_SPEED']);
  if (!(speed > 0)) throw new Error(`REPLAY_SPEED must be a positive number or "max", got ${env['REPLAY_SPEED']}`);
  return {
    streamFile: env['STREAM_FILE'] ?? path.join(FIXTURES, 'storefront-day.jsonl'),
    expectedFile: env['STREAM_EXPECTED'] ?? path.join(FIXTURES, 'storefront-day.expected.json'),
    codesFile: env['STREAM_CODES'] ?? path.join(FIXTURES, 'winback-codes.txt'),
    speed,
    chaos: argv.includes('--chaos'),
    env,
    log,
  };
}

/**
 * X2: replays a recorded stream through a real broker into the four services running as processes,
 * then compares what they say through their APIs, the SMTP inbox and the DLQ topics with the
 * expected file and the streams README's rules.
 */
export async function runContract(options: ContractRunOptions): Promise<ContractRunResult> {
  const { log } = options;
  const records = loadStream(options.streamFile);
  const expected = loadExpected(options.expectedFile);
  const winbackCodes = readFileSync(options.codesFile, 'utf8').split('\n').map((c) => c.trim()).filter((c) => c !== '');
  const facts = computeStreamFacts(records);
  log(`stream: ${records.length} records from ${facts.firstTimestamp} to ${facts.endOfStream}`);

  const infra = await startE2eInfrastructure(options.env);
  const adminKey = `e2e-admin-${randomBytes(12).toString('hex')}`;
  const storefrontKey = `e2e-storefront-${randomBytes(12).toString('hex')}`;
  const kafka = createKafka({ clientId: 'platform-e2e', brokers: infra.kafkaBrokers.split(',') });
  const admin = kafka.admin();
  const producer = kafka.producer();
  let cluster: ServiceCluster | undefined;
  try {
    await Promise.all([admin.connect(), producer.connect()]);
    await createRecordedTopics(admin, records);
    log('starting the four services (event-time clocks)…');
    cluster = await ServiceCluster.start({
      pgUrl: infra.pgUrl,
      redisUrl: infra.redisUrl,
      redisKeyPrefix: infra.redisKeyPrefix,
      kafkaBrokers: infra.kafkaBrokers,
      smtpUrl: infra.smtpUrl,
      clockStart: facts.firstTimestamp,
      adminKey,
      storefrontKey,
    });
    const running = cluster;
    const clients = new Map<ServiceName, AdminClient>(SERVICES.map((s) => [s, new AdminClient(running.url(s), adminKey)]));
    const client = (s: ServiceName) => clients.get(s)!;
    log('setting up the demo store through the admin APIs…');
    await setUpDemoStore(
      { pricing: client('pricing'), codes: client('code-inventory'), ledger: client('redemption-ledger'), campaigns: client('campaigns') },
      winbackCodes,
      () => waitForPromotionChanges(client('redemption-ledger'), DEMO_PROMOTIONS.length),
    );

    const chaosPoints = options.chaos ? SERVICES.map((s) => ({ service: s, at: Math.floor(records.length * (0.2 + Math.random() * 0.6)) })) : [];
    log(`replaying ${records.length} records at ${Number.isFinite(options.speed) ? `×${options.speed}` : 'full speed'}${options.chaos ? ' with chaos' : ''}…`);
    let lastShown = 0;
    const replaySeconds = await replay(producer, records, {
      speed: options.speed,
      onProgress: (done, total) => {
        if (done - lastShown >= 500 || done === total) {
          lastShown = done;
          log(`  replayed ${done}/${total}`);
        }
      },
      between: async (done) => {
        for (const point of chaosPoints.filter((p) => p.at <= done)) {
          chaosPoints.splice(chaosPoints.indexOf(point), 1);
          log(`  chaos: SIGKILL ${point.service} after ${done} records, restarting`);
          await running.killAndRestart(point.service);
        }
      },
    });
    log('waiting for every consumer group to reach the end…');
    await waitForConsumers(admin, log);
    await waitForCampaignsWatermark(client('campaigns'), facts.endOfStream);

    const results: CheckResult[] = [
      compare('stream: records (file vs expected)', expected.records, facts.records),
      compare('stream: Σ order totals by the rules vs expected ordersTotal', expected.revenue.ordersTotal, facts.ordersTotal),
      ...(await checkIngestion(expected, clients, kafka, admin)),
      ...(await checkEmails(expected, client('campaigns'), infra.maildevUrl)),
      ...(await checkLedger(expected, facts, client('redemption-ledger'), DEMO_CODE_LIMITS, new Set(winbackCodes.map((c) => c.toLowerCase())))),
      ...(await checkRevenue(expected, facts, client('redemption-ledger'), client('campaigns'))),
    ];
    const eventsPerSecond = records.length / replaySeconds;
    return { results, replaySeconds, eventsPerSecond, report: formatReport(results) };
  } finally {
    await cluster?.stop();
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
    await infra.stop();
  }
}

async function waitForPromotionChanges(ledger: AdminClient, count: number): Promise<void> {
  await waitFor(
    async () => {
      const stats = await ledger.get<{ topics: { topic: string; processed: number }[] }>('/v1/ops/ingestion');
      return (stats.topics.find((t) => t.topic === 'pricing.promotion-changed')?.processed ?? 0) >= count;
    },
    { timeoutMs: 60_000, intervalMs: 250, description: 'the ledger to learn the promotions' },
  );
}

async function waitForConsumers(admin: ReturnType<ReturnType<typeof createKafka>['admin']>, log: (line: string) => void): Promise<void> {
  for (const [group, topics] of Object.entries(UPSTREAM_CONSUMERS)) {
    if (topics.length === 0) continue;
    await waitFor(async () => (await consumerLag(admin, group, topics)) === 0, { timeoutMs: 300_000, intervalMs: 500, description: `${group} to reach the end of ${topics.join(', ')}` });
    log(`  ${group}: caught up on ${topics.join(', ')}`);
  }
  // Downstream of the ledger's outbox: code-inventory marks codes redeemed from redemption.* events.
  await waitFor(async () => (await consumerLag(admin, 'code-inventory', ['redemption.recorded', 'redemption.reversed'])) === 0, {
    timeoutMs: 120_000,
    intervalMs: 500,
    description: 'code-inventory to reach the end of redemption events',
  });
}

/** Campaigns decide an email only once their order watermark has passed its due time. */
async function waitForCampaignsWatermark(campaigns: AdminClient, endOfStream: string): Promise<void> {
  await waitFor(
    async () => {
      const state = await campaigns.get<{ watermark: string | null; pendingDue?: number }>('/v1/ops/watermark');
      return state.watermark !== null && Date.parse(state.watermark) >= Date.parse(endOfStream) && (state.pendingDue ?? 0) === 0;
    },
    { timeoutMs: 300_000, intervalMs: 500, description: 'the campaigns watermark to reach the end of the stream' },
  );
}
