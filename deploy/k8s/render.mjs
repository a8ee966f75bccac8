// Renders the Kubernetes manifests of deploy/k8s from one table, so the four services stay alike:
//   node deploy/k8s/render.mjs        (then review and commit the YAML; a test parses and checks every file)
//   node deploy/k8s/render.mjs <dir>  (renders into <dir> instead: the schema-check test validates that output too)
// Scaling (README "Operations"): every service is scaled by a KEDA ScaledObject (KEDA owns the HPA it
// creates): on CPU for the HTTP APIs and on consumer lag for the Kafka consumers, never beyond the
// partitions of the topics it consumes (an extra consumer would sit idle).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const dir = path.dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : dir;
fs.mkdirSync(outDir, { recursive: true });
const NAMESPACE = 'promotions';
const IMAGE = (app) => `ghcr.io/promotions/${app}:0.1.0`;
/**
 * Kafka (#20): three KRaft brokers, each broker and controller, run outside this namespace (pods of the
 * StatefulSet `kafka` behind the headless Service `kafka-brokers` in namespace `kafka`). Clients and KEDA
 * get all three as the bootstrap list, so a client starts while any one broker is down.
 */
const KAFKA_BROKER_COUNT = 3;
const KAFKA_BROKERS = Array.from({ length: KAFKA_BROKER_COUNT }, (_, i) => `kafka-${i}.kafka-brokers.kafka.svc:9092`);
const BROKERS = KAFKA_BROKERS.join(',');
/**
 * Redis Cluster (#20): 3 masters with one replica each, the six pods of the StatefulSet `redis-cluster`
 * (headless Service `redis-cluster`, `cluster-enabled yes`, created with `redis-cli --cluster create ...
 * --cluster-replicas 1`), provisioned outside these manifests like Kafka. The services get every node as
 * seeds (REDIS_CLUSTER_NODES, which makes them use an ioredis Cluster and ignore REDIS_URL), so they find the
 * slot map while any node is down.
 */
const REDIS_CLUSTER = { masters: 3, replicasPerMaster: 1 };
const REDIS_CLUSTER_NODES = Array.from({ length: REDIS_CLUSTER.masters * (1 + REDIS_CLUSTER.replicasPerMaster) }, (_, i) => `redis-cluster-${i}.redis-cluster.${NAMESPACE}.svc:6379`);
/**
 * Every topic's copies (#20): the producers are idempotent with acks=-1 (all in-sync replicas), so with 3 copies
 * and at least 2 in sync an acknowledged record survives the loss of any one broker, and producing goes on while
 * one broker is down (a rolling restart); with two down, producers get NOT_ENOUGH_REPLICAS and retry rather
 * than write a record only one broker holds. The brokers' own defaults must match (default.replication.factor=3,
 * min.insync.replicas=2): the services create their dead-letter topics themselves, with the broker's default.
 */
const REPLICATED = { replicationFactor: 3, minInsyncReplicas: 2 };

const DAY_MS = 24 * 3_600_000;
/**
 * Retention of the event topics: at least as long as the longest consumer outage we accept (a service
 * down over a long weekend, a replay of last week). A consumer that falls behind it loses records and
 * says so (`messaging_records_lost_total`, an error log line), but they are gone: size it generously.
 */
const EVENTS = { ...REPLICATED, retentionMs: 14 * DAY_MS, cleanupPolicy: 'delete' };
/**
 * Topics that hold state, the latest event per key being the state (a promotion's definition): compacted,
 * so a new consumer group or a rebuild reads every key's latest event however old it is.
 */
const STATE = { ...REPLICATED, retentionMs: -1, cleanupPolicy: 'compact' };

/**
 * Per topic: partitions (the ceiling on the consumers of each group; cart.updated is the busiest stream; sizes
 * from docs/scaling.md), replication factor and min in-sync replicas, and how long records stay.
 */
export const TOPICS = {
  'cart.updated': { partitions: 24, ...EVENTS },
  'order.placed': { partitions: 12, ...EVENTS },
  'order.cancelled': { partitions: 12, ...EVENTS },
  'customer.inactive': { partitions: 6, ...EVENTS },
  'pricing.promotion-changed': { partitions: 6, ...STATE },
  'pricing.cart-priced': { partitions: 24, ...EVENTS },
  'code-inventory.code-changed': { partitions: 12, ...EVENTS },
  'code-inventory.code-issued': { partitions: 12, ...EVENTS },
  'code-inventory.codes-added': { partitions: 12, ...EVENTS },
  'redemption.recorded': { partitions: 12, ...EVENTS },
  'redemption.rejected': { partitions: 12, ...EVENTS },
  'redemption.reversed': { partitions: 12, ...EVENTS },
  'campaigns.email-sent': { partitions: 12, ...EVENTS },
};
for (const [topic, t] of Object.entries(TOPICS)) {
  // More copies than brokers cannot be placed; a min ISR equal to the copies stops producing whenever one broker restarts.
  if (t.replicationFactor > KAFKA_BROKER_COUNT) throw new Error(`${topic}: replication factor ${t.replicationFactor} > ${KAFKA_BROKER_COUNT} brokers`);
  if (!(t.minInsyncReplicas >= 2 && t.minInsyncReplicas < t.replicationFactor)) throw new Error(`${topic}: min ISR ${t.minInsyncReplicas} must be at least 2 and below the replication factor ${t.replicationFactor}`);
}

const SERVICES = [
  {
    app: 'pricing',
    minReplicas: 2,
    maxReplicas: 24,
    cpu: { request: '500m', limit: '2' },
    memory: { request: '512Mi', limit: '1Gi' },
    cpuTarget: 60,
    // Pricing answers the storefront on every cart view: CPU first; cart.updated lag as well.
    lagTriggers: ['cart.updated'],
    env: { CODE_INVENTORY_URL: 'http://code-inventory.promotions.svc:3000', PRICING_RECENT_CARTS: '1000' },
    // Internet-facing: its key to code-inventory may only look codes up (#19), never administer.
    secretEnv: [{ name: 'CODE_INVENTORY_API_KEY', key: 'pricing-code-lookup-key' }],
  },
  {
    app: 'code-inventory',
    minReplicas: 2,
    maxReplicas: 12,
    cpu: { request: '250m', limit: '1' },
    memory: { request: '384Mi', limit: '1Gi' },
    cpuTarget: 70,
    lagTriggers: ['redemption.recorded'],
    env: {},
    secretEnv: ['CODE_TOKEN_KEYS'],
  },
  {
    app: 'redemption-ledger',
    minReplicas: 2,
    maxReplicas: 12,
    cpu: { request: '250m', limit: '1' },
    memory: { request: '384Mi', limit: '768Mi' },
    cpuTarget: 70,
    lagTriggers: ['order.placed', 'order.cancelled'],
    // #20: after every usage script (reserve, commit, release) the ledger waits until one replica has the write
    // (Redis WAIT), so a master's failover cannot lose a reservation it already acknowledged.
    env: { LEDGER_REDIS_WAIT_REPLICAS: '1' },
    secretEnv: [],
  },
  {
    app: 'campaigns',
    minReplicas: 2,
    maxReplicas: 24,
    cpu: { request: '250m', limit: '1' },
    memory: { request: '384Mi', limit: '768Mi' },
    cpuTarget: 75,
    lagTriggers: ['cart.updated', 'order.placed'],
    // The shop's own sender and storefront: their defaults (example.test) are for local runs only.
    env: {
      CODE_INVENTORY_URL: 'http://code-inventory.promotions.svc:3000',
      PUBLIC_BASE_URL: 'https://campaigns.shop.example.com',
      EMAIL_FROM: 'Shop <shop@shop.example.com>',
      SHOP_URL: 'https://shop.example.com',
    },
    // Its key to code-inventory may only issue codes (#19).
    secretEnv: [{ name: 'CODE_INVENTORY_API_KEY', key: 'campaigns-code-issue-key' }, 'LINK_SIGNING_KEY'],
  },
];

const labels = (app, component = 'api') => ({ 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'promotions', 'app.kubernetes.io/component': component });

function podSecurity() {
  return { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } };
}

function containerSecurity() {
  return { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
}

function envFrom(s) {
  return [{ configMapRef: { name: 'promotions-common' } }, { configMapRef: { name: `${s.app}-config` } }];
}

function secretEnv(s) {
  return [
    { name: 'PG_URL', valueFrom: { secretKeyRef: { name: 'promotions-secrets', key: `${s.app}-pg-url` } } },
    { name: 'API_KEYS', valueFrom: { secretKeyRef: { name: 'promotions-secrets', key: 'api-keys', optional: true } } },
    // An entry is a variable read from the Secret key of its name (CODE_TOKEN_KEYS: code-token-keys), or { name, key }.
    ...s.secretEnv.map((entry) => {
      const { name, key } = typeof entry === 'string' ? { name: entry, key: entry.toLowerCase().replaceAll('_', '-') } : entry;
      return { name, valueFrom: { secretKeyRef: { name: 'promotions-secrets', key } } };
    }),
  ];
}

function manifests(s) {
  const meta = (name, component) => ({ name, namespace: NAMESPACE, labels: labels(s.app, component) });
  const selector = { 'app.kubernetes.io/name': s.app, 'app.kubernetes.io/component': 'api' };
  const resources = { requests: { cpu: s.cpu.request, memory: s.memory.request }, limits: { cpu: s.cpu.limit, memory: s.memory.limit } };
  const maxByPartitions = Math.max(...s.lagTriggers.map((t) => TOPICS[t].partitions));
  // Only pricing's HTTP API may outgrow its partitions (extra replicas serve requests, their consumers idle).
  if (s.maxReplicas > maxByPartitions && s.app !== 'pricing') throw new Error(`${s.app}: maxReplicas ${s.maxReplicas} > partitions ${maxByPartitions}`);
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${s.app}-config`, 'config'), data: s.env },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { ...meta(`${s.app}-migrate`, 'migrate'), annotations: { 'promotions/note': 'apply before rolling out a new image; delete the finished Job first (ttlSecondsAfterFinished)' } },
      spec: {
        backoffLimit: 3,
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels: labels(s.app, 'migrate') },
          spec: {
            restartPolicy: 'OnFailure',
            securityContext: podSecurity(),
            containers: [
              {
                name: 'migrate',
                image: IMAGE(s.app),
                command: ['node', `apps/${s.app}/src/migrate.js`],
                envFrom: envFrom(s),
                env: secretEnv(s),
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                securityContext: containerSecurity(),
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(s.app, 'api'),
      spec: {
        replicas: s.minReplicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: {
          metadata: { labels: labels(s.app, 'api'), annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3000', 'prometheus.io/path': '/metrics' } },
          spec: {
            // SHUTDOWN_TIMEOUT_MS (25 s) + the preStop pause (5 s) + margin: the pod finishes in-flight work and commits offsets.
            terminationGracePeriodSeconds: 40,
            securityContext: podSecurity(),
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } }],
            containers: [
              {
                name: s.app,
                image: IMAGE(s.app),
                ports: [{ name: 'http', containerPort: 3000 }],
                envFrom: envFrom(s),
                env: secretEnv(s),
                resources,
                securityContext: containerSecurity(),
                startupProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
                readinessProbe: { httpGet: { path: '/health/ready', port: 'http' }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
                livenessProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
                // Leave the Service endpoints before SIGTERM, so no new request reaches a stopping pod.
                lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 5'] } } },
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(s.app, 'api'),
      spec: { selector, ports: [{ name: 'http', port: 3000, targetPort: 'http' }] },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta(s.app, 'api'),
      spec: { minAvailable: 1, selector: { matchLabels: selector } },
    },
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: meta(s.app, 'api'),
      spec: {
        scaleTargetRef: { name: s.app },
        minReplicaCount: s.minReplicas,
        maxReplicaCount: s.maxReplicas,
        pollingInterval: 15,
        cooldownPeriod: 300,
        advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } } } },
        triggers: [
          { type: 'cpu', metricType: 'Utilization', metadata: { value: String(s.cpuTarget) } },
          ...s.lagTriggers.map((topic) => ({
            type: 'kafka',
            metadata: {
              bootstrapServers: BROKERS,
              consumerGroup: s.app,
              topic,
              lagThreshold: '500',
              activationLagThreshold: '10',
              offsetResetPolicy: 'earliest',
              // KEDA never asks for more replicas on lag than the topic has partitions.
              allowIdleConsumers: 'false',
            },
          })),
        ],
      },
    },
  ];
}

function common() {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'promotions' } } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'promotions-common', namespace: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'promotions' } },
      data: {
        NODE_ENV: 'production',
        HTTP_PORT: '3000',
        LOG_LEVEL: 'info',
        PG_POOL_SIZE: '10',
        // Set, it makes every service use an ioredis Cluster and ignore REDIS_URL (#20).
        REDIS_CLUSTER_NODES: REDIS_CLUSTER_NODES.join(','),
        KAFKA_BROKERS: BROKERS,
        KAFKA_TOPIC_PARTITIONS: '12',
        SHUTDOWN_TIMEOUT_MS: '25000',
        API_KEYS_REFRESH_MS: '5000',
        SMTP_URL: 'smtp://smtp-relay.mail.svc:587',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'promotions-topics', namespace: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'promotions', 'app.kubernetes.io/component': 'topics' } },
      spec: {
        backoffLimit: 3,
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels: { 'app.kubernetes.io/part-of': 'promotions', 'app.kubernetes.io/component': 'topics' } },
          spec: {
            restartPolicy: 'OnFailure',
            securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'topics',
                image: 'apache/kafka:4.1.1',
                command: [
                  'sh',
                  '-c',
                  Object.entries(TOPICS)
                    .map(
                      ([topic, t]) =>
                        `/opt/kafka/bin/kafka-topics.sh --bootstrap-server ${BROKERS} --create --if-not-exists --topic ${topic} --partitions ${t.partitions} --replication-factor ${t.replicationFactor} --config min.insync.replicas=${t.minInsyncReplicas} --config retention.ms=${t.retentionMs} --config cleanup.policy=${t.cleanupPolicy}`,
                    )
                    .join(' && '),
                ],
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
                securityContext: containerSecurity(),
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
  ];
}

function secretExample() {
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'promotions-secrets', namespace: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'promotions' } },
      type: 'Opaque',
      // An example of the keys only: create the real Secret from your secret store, never commit values.
      stringData: {
        ...Object.fromEntries(SERVICES.map((s) => [`${s.app}-pg-url`, `postgres://${s.app}:CHANGE_ME@postgres.promotions.svc:5432/promotions`])),
        // Hashes only (what the services accept); keys made with npm run keys need no entry here.
        'api-keys': 'storefront:<sha256 of a key>[,admin:<sha256 of a key>]',
        'pricing-code-lookup-key': 'CHANGE_ME (npm run keys -- create --scope code-lookup --name pricing: pricing only looks codes up with it)',
        'campaigns-code-issue-key': 'CHANGE_ME (npm run keys -- create --scope code-issue --name campaigns: campaigns only issue codes with it)',
        'code-token-keys': 'CHANGE_ME',
        'link-signing-key': 'CHANGE_ME (at least 16 characters)',
      },
    },
  ];
}

const header = '# Generated by deploy/k8s/render.mjs; edit the table there and re-render.\n';
const write = (file, docs) => fs.writeFileSync(path.join(outDir, file), header + docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n'));
write('platform.yaml', common());
write('secret.example.yaml', secretExample());
for (const s of SERVICES) write(`${s.app}.yaml`, manifests(s));
console.log(`rendered ${SERVICES.length + 2} files into ${path.relative(process.cwd(), outDir) || '.'}`);
