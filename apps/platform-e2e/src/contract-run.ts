import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKafka, PRODUCER_CONFIG } from '@promo/messaging';
import { waitFor } from '@promo/platform/testing';
import { type CheckResult, compare, formatReport } from './checks/check-result';
import { checkEmails } from './checks/emails.check';
import { checkIngestion, UPSTREAM_CONSUMERS } from './checks/ingestion.check';
import { checkRecordsLost } from './checks/records-lost.check';
import { checkLedger } from './checks/ledger.check';
import { checkRevenue } from './checks/revenue.check';
import { ingestionStats, type ServiceClients, serviceClients } from './cluster/service-clients';
import { startE2eInfrastructure } from './cluster/e2e-infrastructure';
import { SERVICES, ServiceCluster } from './cluster/service-cluster';
import { ChaosRun, chaosPlan } from './chaos/chaos-run';
import { consumerLag } from './replay/consumer-lag';
import { createRecordedTopics, replay } from './replay/replayer';
import { DEMO_CODE_LIMITS, DEMO_PROMOTIONS, setUpDemoStore } from './setup/demo-store';
import { loadExpected } from './stream/expected-outcomes';
import { computeStreamFacts } from './stream/stream-facts';
import { loadStream } from './stream/stream-record';

const FIXTURES = path.resolve(__dirname, '../test/fixtures/streams');
const WORKSPACE = path.resolve(__dirname, '../../..');

export interface ContractRunOptions {
  readonly streamFile: string;
  readonly expectedFile: string;
  readonly codesFile: string;
  /** Recorded speed × N; Infinity = as fast as possible. */
  readonly speed: number;
  readonly chaos: boolean;
  /** Processes per service (`--replicas=N`, default 1). */
  readonly replicas: number;
  /** Kafka nodes (`--kafka-nodes=N`; `--cluster`: 3, with replication 3 and min ISR 2). */
  readonly kafkaNodes: number;
  /** A Redis Cluster of 3 masters and 3 replicas (`--redis-cluster`, or `--cluster`). */
  readonly redisCluster: boolean;
  /** `--cluster`: both of the above (three brokers and a Redis Cluster). */
  readonly cluster: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
}

export interface ContractRunResult {
  readonly results: readonly CheckResult[];
  readonly replaySeconds: number;
  readonly eventsPerSecond: number;
  readonly records: number;
  /** From the first record produced until every consumer had caught up and every due email was decided. */
  readonly settledSeconds: number;
  readonly report: string;
}

export function contractOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, argv: readonly string[], log: (line: string) => void): ContractRunOptions {
  const replicasArg = argv.find((a) => a.startsWith('--replicas='))?.slice('--replicas='.length) ?? env['REPLICAS'] ?? '1';
  const replicas = Number(replicasArg);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) throw new Error(`--replicas must be an integer from 1 to 8, got ${replicasArg}`);
  const cluster = argv.includes('--cluster');
  const kafkaNodesArg = argv.find((a) => a.startsWith('--kafka-nodes='))?.slice('--kafka-nodes='.length) ?? (cluster ? '3' : '1');
  const kafkaNodes = Number(kafkaNodesArg);
  if (!Number.isInteger(kafkaNodes) || kafkaNodes < 1 || kafkaNodes > 5) throw new Error(`--kafka-nodes must be an integer from 1 to 5, got ${kafkaNodesArg}`);
  const speed = env['REPLAY_SPEED'] === undefined || env['REPLAY_SPEED'] === 'max' ? Number.POSITIVE_INFINITY : Number(env['REPLAY_SPEED']);
  if (!(speed > 0)) throw new Error(`REPLAY_SPEED must be a positive number or "max", got ${env['REPLAY_SPEED']}`);
  return {
    streamFile: env['STREAM_FILE'] ?? path.join(FIXTURES, 'storefront-day.jsonl'),
    expectedFile: env['STREAM_EXPECTED'] ?? path.join(FIXTURES, 'storefront-day.expected.json'),
    codesFile: env['STREAM_CODES'] ?? path.join(FIXTURES, 'winback-codes.txt'),
    speed,
    chaos: argv.includes('--chaos'),
    replicas,
    kafkaNodes,
    redisCluster: cluster || argv.includes('--redis-cluster'),
    cluster,
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

  if (options.kafkaNodes > 1) log(`starting ${options.kafkaNodes} Kafka brokers…`);
  if (options.redisCluster) log('starting a Redis Cluster of 3 masters and 3 replicas…');
  const infra = await startE2eInfrastructure(options.env, { kafkaNodes: options.kafkaNodes, redisCluster: options.redisCluster });
  if (options.kafkaNodes > 1) log(`  kafka: ${infra.kafkaBrokers}`);
  if (infra.redisCluster) log(`  redis cluster: ${infra.redisCluster.nodes.join(',')}`);
  const adminKey = `e2e-admin-${randomBytes(12).toString('hex')}`;
  const storefrontKey = `e2e-storefront-${randomBytes(12).toString('hex')}`;
  const kafka = createKafka({ clientId: 'platform-e2e', brokers: infra.kafkaBrokers.split(',') });
  const admin = kafka.admin();
  const producer = kafka.producer(PRODUCER_CONFIG);
  let cluster: ServiceCluster | undefined;
  try {
    await Promise.all([admin.connect(), producer.connect()]);
    await createRecordedTopics(admin, records);
    log(`starting the four services, ${options.replicas} replica${options.replicas === 1 ? '' : 's'} each (event-time clocks)…`);
    cluster = await ServiceCluster.start({
      pgUrl: infra.pgUrl,
      redisUrl: infra.redisUrl,
      redisKeyPrefix: infra.redisKeyPrefix,
      redisClusterNodes: infra.redisCluster?.nodes.join(','),
      kafkaBrokers: infra.kafkaBrokers,
      smtpUrl: infra.smtpUrl,
      clockStart: facts.firstTimestamp,
      adminKey,
      storefrontKey,
      replicas: options.replicas,
      logDir: path.join(WORKSPACE, 'tmp', 'contract', infra.runId),
      ...(options.env['E2E_LOG_LEVEL'] ? { logLevel: options.env['E2E_LOG_LEVEL'] } : {}),
    });
    log(`  service logs (written when the run ends): tmp/contract/${infra.runId}/`);
    const running = cluster;
    for (const service of SERVICES) log(`  ${service}: ${running.url(service)} → ${running.replicaUrls(service).join(', ')}`);
    const clients = serviceClients((service) => running.url(service), adminKey);
    log('setting up the demo store through the admin APIs…');
    await setUpDemoStore(
      clients,
      winbackCodes,
      () => waitForPromotionChanges(clients, DEMO_PROMOTIONS.length),
    );

    const chaos = options.chaos ? chaosPlan(records.length, { replicas: options.replicas, kafkaNodeIds: infra.kafka.nodeIds, redisCluster: options.redisCluster }) : [];
    const chaosRun = new ChaosRun(running, infra, log);
    log(`replaying ${records.length} records at ${Number.isFinite(options.speed) ? `×${options.speed}` : 'full speed'}${options.chaos ? ' with chaos' : ''}…`);
    let lastShown = 0;
    const replayStarted = performance.now();
    let lastShownAt = replayStarted;
    const replaySeconds = await replay(producer, records, {
      speed: options.speed,
      // Every 500 records, and at least once a minute: a replay at ×50 spends minutes between them.
      onProgress: (done, total) => {
        const now = performance.now();
        if (done - lastShown >= 500 || now - lastShownAt >= 60_000 || done === total) {
          lastShown = done;
          lastShownAt = now;
          log(`  replayed ${done}/${total} (recorded time ${records[done - 1]?.timestamp ?? '?'}, ${Math.round((now - replayStarted) / 1000)} s)`);
        }
      },
      between: async (done) => {
        for (const step of chaos.filter((s) => s.at <= done)) {
          chaos.splice(chaos.indexOf(step), 1);
          await chaosRun.apply(step, done);
        }
      },
    });
    // Whatever the replay's end left of the plan: everything killed comes back before the checks.
    for (const step of chaos.filter((s) => s.action === 'restart')) await chaosRun.apply(step, records.length);
    await chaosRun.settled();
    log('waiting for every consumer group to reach the end…');
    await waitForConsumers(admin, log);
    await waitForCampaignsWatermark(clients, facts.endOfStream);
    const settledSeconds = (performance.now() - replayStarted) / 1000;

    const results: CheckResult[] = [
      compare('stream: records (file vs expected)', expected.records, facts.records),
      compare('stream: Σ order totals by the rules vs expected ordersTotal', expected.revenue.ordersTotal, facts.ordersTotal),
      ...(await checkIngestion(expected, clients, kafka, admin)),
      await checkRecordsLost(clients, SERVICES),
      ...(await checkEmails(expected, clients.campaigns, infra.maildevUrl)),
      ...(await checkLedger(expected, facts, clients.redemptionLedger, DEMO_CODE_LIMITS, new Set(winbackCodes.map((c) => c.toLowerCase())))),
      ...(await checkRevenue(expected, facts, clients.redemptionLedger, clients.campaigns)),
    ];
    const eventsPerSecond = records.length / replaySeconds;
    return { results, replaySeconds, eventsPerSecond, records: records.length, settledSeconds, report: formatReport(results) };
  } finally {
    await cluster?.stop();
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
    await infra.stop();
  }
}

export async function waitForPromotionChanges(clients: ServiceClients, count: number): Promise<void> {
  await waitFor(
    async () => {
      const stats = await ingestionStats(clients, 'redemption-ledger');
      const processed = stats.topics.find((t) => t.topic === 'pricing.promotion-changed')?.processed ?? 0;
      if (processed < count) throw new Error(`the ledger has processed ${processed} of ${count} promotion changes`);
      return true;
    },
    // Generous: on CI this runs beside other suites' clusters on two cores, and once took over 60 s.
    { timeoutMs: 180_000, intervalMs: 250, description: 'the ledger to learn the promotions' },
  );
}

async function waitForConsumers(admin: ReturnType<ReturnType<typeof createKafka>['admin']>, log: (line: string) => void): Promise<void> {
  const groups: [string, readonly string[], number][] = [
    ...Object.entries(UPSTREAM_CONSUMERS)
      .filter(([, topics]) => topics.length > 0)
      .map(([group, topics]): [string, readonly string[], number] => [group, topics, 300_000]),
    // Downstream of the ledger's outbox: code-inventory marks codes redeemed from redemption.* events.
    ['code-inventory', ['redemption.recorded', 'redemption.reversed'], 120_000],
  ];
  for (const [group, topics, timeoutMs] of groups) {
    let shownAt = performance.now();
    await waitFor(
      async () => {
        const lag = await consumerLag(admin, group, topics);
        if (lag > 0 && performance.now() - shownAt >= 10_000) {
          shownAt = performance.now();
          log(`  ${group}: ${lag} records still to consume on ${topics.join(', ')}`);
        }
        return lag === 0;
      },
      { timeoutMs, intervalMs: 500, description: `${group} to reach the end of ${topics.join(', ')}` },
    );
    log(`  ${group}: caught up on ${topics.join(', ')}`);
  }
}

/** Campaigns decide an email only once their order watermark has passed its due time. */
async function waitForCampaignsWatermark(clients: ServiceClients, endOfStream: string): Promise<void> {
  await waitFor(
    async () => {
      const state = await clients.campaigns.get('/v1/ops/watermark');
      return state.watermark !== null && Date.parse(state.watermark) >= Date.parse(endOfStream) && state.pendingDue === 0;
    },
    { timeoutMs: 300_000, intervalMs: 500, description: 'the campaigns watermark to reach the end of the stream' },
  );
}
