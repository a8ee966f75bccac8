import { fuzzServiceHttp, type HttpFuzzReport } from '@promo/service-runtime/testing';
import { SERVICES, type ServiceName } from './cluster/service-cluster';
import { type SingleBrokerCluster, startSingleBrokerCluster } from './cluster/single-broker-cluster';

// X3/X4 (#11): generated requests (wrong types, huge numbers, unicode, deep nesting, missing fields, bad
// keys) to every admin and storefront operation each running service documents: never a 5xx, every 400
// names the field and the reason, and the service is still ready afterwards.
// Bulk generation is left out: a fuzzed count of millions would start real work that outlives the test.
// `npm test` sends 2,500 per service (about a minute); `npm run test:fuzz` sends #11's 10,000 per service, a
// load test of several minutes that kept `npm test` over its 20 minutes and starved the suites beside it.
const RUNS_PER_SERVICE = fuzzRunsPerService(process.env['FUZZ_RUNS_PER_SERVICE']);

function fuzzRunsPerService(value: string | undefined): number {
  if (value === undefined || value === '') return 2_500;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS_PER_SERVICE must be a positive whole number, got ${value}`);
  return runs;
}

describe('HTTP fuzzing of the four running services', () => {
  let running: SingleBrokerCluster | undefined;
  /** Each service's run, started together once the cluster is up; settled, so a failure waits for its own test. */
  const runs = new Map<ServiceName, Promise<{ report: HttpFuzzReport } | { error: unknown }>>();

  beforeAll(async () => {
    running = await startSingleBrokerCluster({ name: 'fuzz', kafkaPort: process.env['E2E_FUZZ_KAFKA_PORT'] ?? '19292', clockStart: '2026-11-20T00:00:00Z' });
    const { cluster, keys } = running;
    // The four services are fuzzed at the same time (separate processes): one after the other, a core sat
    // idle while each request was in flight, and concurrent load on the cluster is closer to real use.
    for (const service of SERVICES) {
      const run = fuzzServiceHttp({ baseUrl: cluster.url(service), keys, runs: RUNS_PER_SERVICE, seed: 20261125, exclude: /generate/ });
      runs.set(service, run.then((report) => ({ report }), (error: unknown) => ({ error })));
    }
  }, 180_000);

  afterAll(async () => {
    await running?.stop();
  }, 120_000);

  it.each(SERVICES.map((service) => [service]))('%s: no 5xx, every 400 names field and reason, still ready', async (service) => {
    const run = await runs.get(service);
    if (run === undefined) throw new Error(`no fuzz run was started for ${service}`);
    if ('error' in run) throw run.error;
    const { report } = run;
    // The closing note of #11 quotes these: requests sent and the status histogram, per service.
    const histogram = Object.entries(report.statuses).sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}=${count}`);
    process.stdout.write(`fuzz ${service} sent=${report.sent} operations=${report.operations.length} ${histogram.join(' ')}\n`);
    expect(report.sent).toBeGreaterThan(RUNS_PER_SERVICE * 0.9);
    expect(Object.keys(report.statuses).filter((status) => status.startsWith('5'))).toEqual([]);
    expect(report.readyAfter).toBe(true);
  }, 600_000);
});
