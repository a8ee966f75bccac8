import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serviceClients } from './cluster/service-clients';
import { type SingleBrokerCluster, startSingleBrokerCluster } from './cluster/single-broker-cluster';
import { waitForPromotionChanges } from './contract-run';
import { DEMO_PROMOTIONS, setUpDemoStore } from './setup/demo-store';

const WORKSPACE = path.resolve(__dirname, '../../..');
const GUIDE = path.join(WORKSPACE, 'docs/integrate.md');

interface Example {
  readonly line: number;
  readonly script: string;
  readonly expected: string;
}

/** Every ```bash example block of the guide with the ```text block that follows it (what it prints). */
export function examplesOf(markdown: string): Example[] {
  const pattern = /^```bash example\n([\s\S]*?)^```\n\s*^```text\n([\s\S]*?)^```$/gm;
  return [...markdown.matchAll(pattern)].map((match) => ({
    line: markdown.slice(0, match.index).split('\n').length,
    script: match[1] ?? '',
    expected: (match[2] ?? '').trimEnd(),
  }));
}

/**
 * Runs a script as a reader's shell would (no rc files; stops at the first failing command). Asynchronously: the
 * cluster's balancers run in this process, and a blocked event loop would leave every request unanswered.
 */
function runBash(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-euo', 'pipefail', '-c', script], { cwd: WORKSPACE, env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status, stdout, stderr });
    });
  });
}

// #24: the integration guide's examples, run in order as a reader would against `npm start`, here against the four
// services of the test's own (the demo store set up through the admin APIs, as `npm start` does).
describe('docs/integrate.md', () => {
  let running: SingleBrokerCluster | undefined;
  const markdown = readFileSync(GUIDE, 'utf8');
  const examples = examplesOf(markdown);

  beforeAll(async () => {
    running = await startSingleBrokerCluster({ name: 'guide', kafkaPort: process.env['E2E_GUIDE_KAFKA_PORT'] ?? '19692', clockStart: '2026-11-20T09:00:00Z' });
    const { cluster, keys } = running;
    const clients = serviceClients((service) => cluster.url(service), keys.admin);
    await setUpDemoStore(clients, ['GUIDE-WINBACK-1'], () => waitForPromotionChanges(clients, DEMO_PROMOTIONS.length));
  }, 300_000);

  afterAll(async () => {
    await running?.stop();
  }, 120_000);

  it('has examples to run, each followed by what it prints', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.filter((example) => example.expected === '')).toEqual([]);
  });

  it('prints, for every example run in order, exactly what the guide shows under it', async () => {
    if (running === undefined) throw new Error('the cluster did not start');
    const { cluster, infra, keys } = running;
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      PRICING_URL: cluster.url('pricing'),
      LEDGER_URL: cluster.url('redemption-ledger'),
      KAFKA_BROKERS: infra.kafkaBrokers,
      STOREFRONT_KEY: keys.storefront,
      ADMIN_KEY: keys.admin,
    };
    for (const example of examples) {
      const run = await runBash(example.script, env);
      expect({ line: example.line, status: run.status, stderr: run.stderr.trim(), printed: run.stdout.trimEnd() }).toEqual({
        line: example.line,
        status: 0,
        stderr: '',
        printed: example.expected,
      });
    }
  }, 600_000);
});
