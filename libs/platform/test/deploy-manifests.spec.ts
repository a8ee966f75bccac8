import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// Checks of deploy/ (no Docker engine or cluster here): every file parses, and the rules of X5 hold.
const root = path.resolve(__dirname, '../../..');
const APPS = ['pricing', 'code-inventory', 'redemption-ledger', 'campaigns'];

type Doc = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string>; stringData?: Record<string, string> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are free-form YAML

function k8sDocs(): { file: string; doc: Doc }[] {
  const dir = path.join(root, 'deploy/k8s');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) => {
      const docs = parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'));
      for (const d of docs) expect({ file, errors: d.errors.map((e) => e.message) }).toEqual({ file, errors: [] });
      return docs.map((d) => ({ file, doc: d.toJS() as Doc }));
    });
}

const KNOWN_KINDS: Record<string, string> = {
  Namespace: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  PodDisruptionBudget: 'policy/v1',
  ScaledObject: 'keda.sh/v1alpha1',
};

describe('deploy/k8s manifests', () => {
  const docs = k8sDocs();
  const ofKind = (kind: string) => docs.filter((d) => d.doc.kind === kind).map((d) => d.doc);
  const topicsJob = ofKind('Job').find((j) => j.metadata?.name === 'promotions-topics');
  const topics = new Map<string, { partitions: number; replicationFactor: number; minInsyncReplicas: number }>(
    [...String(topicsJob?.spec.template.spec.containers[0].command[2]).matchAll(/--topic (\S+) --partitions (\d+) --replication-factor (\d+) --config min\.insync\.replicas=(\d+)/g)].map((m) => [
      m[1] ?? '',
      { partitions: Number(m[2]), replicationFactor: Number(m[3]), minInsyncReplicas: Number(m[4]) },
    ]),
  );
  const partitions = new Map([...topics].map(([topic, t]) => [topic, t.partitions]));
  /** What a service's container sees: its ConfigMaps in envFrom order (a later one wins), then its env entries' names. */
  const environmentOf = (app: string): Record<string, string> => {
    const container = ofKind('Deployment').find((d) => d.metadata?.name === app)?.spec.template.spec.containers[0];
    const fromMaps = (container.envFrom as { configMapRef: { name: string } }[]).map((e) => ofKind('ConfigMap').find((c) => c.metadata?.name === e.configMapRef.name)?.data ?? {});
    const fromEntries = (container.env as { name: string }[]).map((e) => ({ [e.name]: '(secret)' }));
    return Object.assign({}, ...fromMaps, ...fromEntries) as Record<string, string>;
  };

  it('are known kinds of the right API version, each named and in the promotions namespace', () => {
    expect(docs.length).toBeGreaterThan(20);
    for (const { file, doc } of docs) {
      expect({ file, kind: doc.kind, apiVersion: doc.apiVersion }).toEqual({ file, kind: doc.kind, apiVersion: KNOWN_KINDS[doc.kind ?? ''] });
      expect(doc.metadata?.name).toMatch(/^[a-z0-9-]+$/);
      if (doc.kind !== 'Namespace') expect(doc.metadata?.namespace).toBe('promotions');
    }
  });

  it('give every service a Deployment with probes on /health, resource requests, non-root and a graceful stop', () => {
    expect(ofKind('Deployment').map((d) => d.metadata?.name).sort()).toEqual([...APPS].sort());
    for (const deployment of ofKind('Deployment')) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(25 + 5);
      for (const container of pod.containers) {
        expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
        expect(container.livenessProbe.httpGet.path).toBe('/health/live');
        expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources.limits.memory).toEqual(expect.any(String));
        expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(container.image).not.toMatch(/:latest$/);
      }
      expect(deployment.spec.selector.matchLabels).toEqual(expect.objectContaining({ 'app.kubernetes.io/name': deployment.metadata?.name }));
      for (const [label, value] of Object.entries(deployment.spec.selector.matchLabels as Record<string, string>)) expect(deployment.spec.template.metadata.labels[label]).toBe(value);
    }
  });

  it('give every service a Service, a PodDisruptionBudget and a migration Job that select or run it', () => {
    for (const app of APPS) {
      const deployment = ofKind('Deployment').find((d) => d.metadata?.name === app);
      const podLabels = deployment?.spec.template.metadata.labels as Record<string, string>;
      const service = ofKind('Service').find((s) => s.metadata?.name === app);
      for (const [label, value] of Object.entries(service?.spec.selector as Record<string, string>)) expect(podLabels[label]).toBe(value);
      expect(service?.spec.ports[0].targetPort).toBe(deployment?.spec.template.spec.containers[0].ports[0].name);
      const pdb = ofKind('PodDisruptionBudget').find((p) => p.metadata?.name === app);
      expect(pdb?.spec.minAvailable).toBeLessThan(deployment?.spec.replicas);
      const migrate = ofKind('Job').find((j) => j.metadata?.name === `${app}-migrate`);
      expect(migrate?.spec.template.spec.containers[0].command).toEqual(['node', `apps/${app}/src/migrate.js`]);
      expect(existsSync(path.join(root, 'apps', app, 'src', 'migrate.ts'))).toBe(true);
    }
  });

  it('scale each service with KEDA on CPU and its Kafka lag, consumers never beyond their partitions', () => {
    for (const app of APPS) {
      const scaled = ofKind('ScaledObject').find((s) => s.metadata?.name === app);
      expect(scaled?.spec.scaleTargetRef.name).toBe(app);
      const triggers = scaled?.spec.triggers as { type: string; metadata: Record<string, string> }[];
      expect(triggers.map((t) => t.type)).toContain('cpu');
      const kafka = triggers.filter((t) => t.type === 'kafka');
      expect(kafka.length).toBeGreaterThan(0);
      for (const trigger of kafka) {
        expect(trigger.metadata['consumerGroup']).toBe(app);
        expect(partitions.get(trigger.metadata['topic'] ?? '')).toBeGreaterThan(0);
      }
      const lagCeiling = Math.max(...kafka.map((t) => partitions.get(t.metadata['topic'] ?? '') ?? 0));
      if (app !== 'pricing') expect(scaled?.spec.maxReplicaCount).toBeLessThanOrEqual(lagCeiling);
      expect(scaled?.spec.minReplicaCount).toBeGreaterThanOrEqual(2);
    }
  });

  it('give every service the three Kafka brokers as bootstrap list and the six Redis Cluster nodes, KEDA the same brokers (#20)', () => {
    for (const app of APPS) {
      const environment = environmentOf(app);
      const brokers = (environment['KAFKA_BROKERS'] ?? '').split(',');
      expect({ app, brokers: new Set(brokers).size }).toEqual({ app, brokers: 3 });
      for (const broker of brokers) expect(broker).toMatch(/^[a-z0-9.-]+:\d+$/);
      const nodes = (environment['REDIS_CLUSTER_NODES'] ?? '').split(',');
      expect({ app, nodes: new Set(nodes).size }).toEqual({ app, nodes: 6 });
      for (const node of nodes) expect(node).toMatch(/^[a-z0-9.-]+:\d+$/);
      // REDIS_CLUSTER_NODES makes REDIS_URL ignored: a single-node address beside it would only mislead.
      expect({ app, REDIS_URL: environment['REDIS_URL'] }).toEqual({ app, REDIS_URL: undefined });
      const scaled = ofKind('ScaledObject').find((s) => s.metadata?.name === app);
      for (const trigger of (scaled?.spec.triggers as { type: string; metadata: Record<string, string> }[]).filter((t) => t.type === 'kafka')) {
        expect(trigger.metadata['bootstrapServers']).toBe(environment['KAFKA_BROKERS']);
      }
    }
    expect(String(topicsJob?.spec.template.spec.containers[0].command[2])).toContain(`--bootstrap-server ${environmentOf('pricing')['KAFKA_BROKERS']} `);
  });

  it('make the ledger wait for one Redis replica after every usage script, and no other service (#20)', () => {
    expect(environmentOf('redemption-ledger')['LEDGER_REDIS_WAIT_REPLICAS']).toBe('1');
    for (const app of APPS.filter((a) => a !== 'redemption-ledger')) expect({ app, wait: environmentOf(app)['LEDGER_REDIS_WAIT_REPLICAS'] }).toEqual({ app, wait: undefined });
  });

  it('replicate every topic three times and take a write while two copies are in sync (#20)', () => {
    expect(topics.size).toBeGreaterThan(10);
    for (const [topic, t] of topics) expect({ topic, replicationFactor: t.replicationFactor, minInsyncReplicas: t.minInsyncReplicas }).toEqual({ topic, replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('create every topic of the AsyncAPI document with replication and a partition count', () => {
    const asyncapi = parse(readFileSync(path.join(root, 'libs/contracts/asyncapi.yaml'), 'utf8')) as { channels: Record<string, { address: string }> };
    const topics = Object.values(asyncapi.channels).map((c) => c.address).filter((a) => !a.endsWith('.dlq'));
    expect([...partitions.keys()].sort()).toEqual([...new Set(topics)].sort());
    expect(topicsJob?.spec.template.spec.containers[0].command[2]).toContain('--replication-factor 3');
  });

  it('give pricing and campaigns no admin key: each calls code-inventory with a key of its own, of the one narrow scope it needs (#19)', () => {
    const secret = ofKind('Secret')[0]?.stringData ?? {};
    const secretEntriesOf = (app: string) =>
      (ofKind('Deployment').find((d) => d.metadata?.name === app)?.spec.template.spec.containers[0].env as { name: string; valueFrom?: { secretKeyRef?: { key: string } } }[]).flatMap((env) =>
        env.valueFrom?.secretKeyRef ? [{ env: env.name, key: env.valueFrom.secretKeyRef.key, example: secret[env.valueFrom.secretKeyRef.key] ?? '' }] : [],
      );
    const inventoryKeyOf = (app: string) => secretEntriesOf(app).find((e) => e.env === 'CODE_INVENTORY_API_KEY');
    expect(inventoryKeyOf('pricing')?.example).toContain('--scope code-lookup');
    expect(inventoryKeyOf('campaigns')?.example).toContain('--scope code-issue');
    expect(inventoryKeyOf('pricing')?.key).not.toBe(inventoryKeyOf('campaigns')?.key);
    for (const app of ['pricing', 'campaigns']) {
      // API_KEYS holds hashes (what the service accepts), never a key it could present.
      const presentable = secretEntriesOf(app).filter((e) => e.env !== 'API_KEYS');
      for (const entry of presentable) expect({ app, ...entry, example: entry.example.includes('admin') }).toEqual({ app, ...entry, example: false });
    }
  });

  it('read configuration from ConfigMaps and secrets only from keys the example Secret names', () => {
    const secretKeys = Object.keys(ofKind('Secret')[0]?.stringData ?? {});
    for (const deployment of ofKind('Deployment')) {
      const container = deployment.spec.template.spec.containers[0];
      const configMaps = (container.envFrom as { configMapRef: { name: string } }[]).map((e) => e.configMapRef.name);
      for (const name of configMaps) expect(ofKind('ConfigMap').map((c) => c.metadata?.name)).toContain(name);
      for (const env of container.env as { name: string; valueFrom?: { secretKeyRef?: { key: string } } }[]) {
        expect(secretKeys).toContain(env.valueFrom?.secretKeyRef?.key);
      }
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { image?: string; build?: { dockerfile: string; args?: { APP?: string } }; command?: string[]; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string>; healthcheck?: object }>;
  };

  const KAFKA_NODES = ['kafka-1', 'kafka-2', 'kafka-3'];
  const REDIS_NODES = ['redis-1', 'redis-2', 'redis-3', 'redis-4', 'redis-5', 'redis-6'];

  it('runs Kafka in KRaft mode from the official image, Postgres, Redis, an SMTP sink and the four services with their migrations', () => {
    for (const name of KAFKA_NODES) {
      expect(compose.services[name]?.image).toMatch(/^apache\/kafka:\d/);
      expect(compose.services[name]?.environment?.['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    }
    for (const name of ['postgres', ...REDIS_NODES, 'redis-cluster-init', 'maildev', ...APPS, ...APPS.map((a) => `${a}-migrate`)]) expect(compose.services[name]).toBeDefined();
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) expect({ name, dependency, exists: dependency in compose.services }).toEqual({ name, dependency, exists: true });
      expect(service.image).not.toMatch(/:latest$/);
    }
  });

  it('runs three KRaft brokers of one cluster, each a controller of the quorum of all three, with 3 copies of every topic and 2 in sync (#20)', () => {
    const environments = KAFKA_NODES.map((name) => compose.services[name]?.environment ?? {});
    expect(new Set(environments.map((e) => String(e['KAFKA_NODE_ID']))).size).toBe(3);
    expect(new Set(environments.map((e) => e['CLUSTER_ID'])).size).toBe(1);
    for (const [i, environment] of environments.entries()) {
      const voters = String(environment['KAFKA_CONTROLLER_QUORUM_VOTERS']).split(',');
      expect(voters.sort()).toEqual(environments.map((e, j) => `${String(e['KAFKA_NODE_ID'])}@${KAFKA_NODES[j] ?? ''}:9093`).sort());
      expect(String(environment['KAFKA_ADVERTISED_LISTENERS'])).toContain(`PLAINTEXT://${KAFKA_NODES[i] ?? ''}:9092`);
      const settings = ['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', 'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR', 'KAFKA_DEFAULT_REPLICATION_FACTOR', 'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', 'KAFKA_MIN_INSYNC_REPLICAS'];
      expect(settings.map((name) => String(environment[name]))).toEqual(['3', '3', '3', '2', '2']);
      expect(compose.services[KAFKA_NODES[i] ?? '']?.healthcheck).toBeDefined();
    }
  });

  it('runs a Redis Cluster of six nodes that a one-shot joins as 3 masters with a replica each (#20)', () => {
    const init = compose.services['redis-cluster-init'];
    const script = (init?.command ?? []).join(' ');
    expect(script).toContain('redis-cli --cluster create');
    expect(script).toMatch(/--cluster-replicas 1\b/);
    expect(script).toContain('--cluster-yes');
    for (const name of REDIS_NODES) {
      const node = compose.services[name];
      expect({ name, command: (node?.command ?? []).join(' ') }).toEqual({ name, command: expect.stringContaining('--cluster-enabled yes') });
      expect(node?.healthcheck).toBeDefined();
      expect(script).toContain(name);
      expect(init?.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('points every service at the three brokers and the six Redis nodes, started once all brokers are healthy and the cluster formed (#20)', () => {
    for (const app of APPS) {
      const service = compose.services[app];
      expect(service?.environment?.['KAFKA_BROKERS']).toBe(KAFKA_NODES.map((n) => `${n}:9092`).join(','));
      expect(service?.environment?.['REDIS_CLUSTER_NODES']?.split(',')).toEqual(REDIS_NODES.map((n) => `${n}:6379`));
      expect({ app, REDIS_URL: service?.environment?.['REDIS_URL'] }).toEqual({ app, REDIS_URL: undefined });
      for (const broker of KAFKA_NODES) expect(service?.depends_on?.[broker]).toEqual({ condition: 'service_healthy' });
      expect(service?.depends_on?.['redis-cluster-init']).toEqual({ condition: 'service_completed_successfully' });
    }
    expect(compose.services['redemption-ledger']?.environment?.['LEDGER_REDIS_WAIT_REPLICAS']).toBe('1');
  });

  it('starts each service after its migration succeeded, with a healthcheck, from the image its migration built', () => {
    for (const app of APPS) {
      const migrate = compose.services[`${app}-migrate`];
      expect(migrate?.build?.args?.APP).toBe(app);
      expect(existsSync(path.join(root, migrate?.build?.dockerfile ?? ''))).toBe(true);
      expect(migrate?.command).toEqual(['node', `apps/${app}/src/migrate.js`]);
      const service = compose.services[app];
      expect(service?.image).toBe(migrate?.image);
      expect(service?.depends_on?.[`${app}-migrate`]).toEqual({ condition: 'service_completed_successfully' });
      expect(service?.healthcheck).toBeDefined();
    }
  });

  it('gives pricing and campaigns a code-inventory key of their own variable each, and no other service one (#19)', () => {
    expect(compose.services['pricing']?.environment?.['CODE_INVENTORY_API_KEY']).toBe('${PROMO_PRICING_CODE_LOOKUP_KEY:-}');
    expect(compose.services['campaigns']?.environment?.['CODE_INVENTORY_API_KEY']).toBe('${PROMO_CAMPAIGNS_CODE_ISSUE_KEY:-}');
    for (const app of ['code-inventory', 'redemption-ledger']) expect({ app, key: compose.services[app]?.environment?.['CODE_INVENTORY_API_KEY'] }).toEqual({ app, key: undefined });
  });

  it('runs in production mode without a secret of its own written in: the operator must set LINK_SIGNING_KEY and CODE_TOKEN_KEYS', () => {
    for (const app of APPS) {
      const environment = compose.services[app]?.environment ?? {};
      expect(environment['NODE_ENV']).toBe('production');
      for (const secret of ['LINK_SIGNING_KEY', 'CODE_TOKEN_KEYS']) expect({ app, secret, value: environment[secret] }).toEqual({ app, secret, value: expect.stringMatching(/^\$\{PROMO_[A-Z_]+:\?[^}]+\}$/) });
    }
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('is multi-stage, runs as the non-root node user with a healthcheck, and ships compiled JavaScript and production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runtime = stages[stages.length - 1] ?? '';
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(runtime).toContain('apps/${APP}/src/main.js');
    expect(runtime).not.toContain('swc-node');
    expect(dockerfile).toContain('npm ci --omit=dev');
  });
});

describe('deploy/grafana/promotions.json', () => {
  const dashboard = JSON.parse(readFileSync(path.join(root, 'deploy/grafana/promotions.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
  const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr).join('\n');

  it.each([
    'http_request_duration_seconds_bucket',
    'http_request_duration_seconds_count',
    'kafka_consumer_lag',
    'messaging_events_processed_total',
    'messaging_events_dead_lettered_total',
    'messaging_event_retries_total',
    'outbox_backlog',
    'dependency_up',
    'bullmq_queue_jobs',
    'redis_script_duration_seconds_bucket',
  ])('charts %s', (metric) => {
    expect(exprs).toContain(metric);
  });
});
