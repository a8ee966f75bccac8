import autocannon from 'autocannon';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from './service-process';

export const HTTP_ADAPTER_NAMES = ['express', 'fastify'] as const;
export type HttpAdapterName = (typeof HTTP_ADAPTER_NAMES)[number];

/** Named figures of one measurement round on one adapter (e.g. `price_rps`, `price_p99_ms`). */
export type Figures = Record<string, number>;

/**
 * Measures each adapter `rounds` times, alternating which goes first (express→fastify, then fastify→express, …)
 * so a slow spell of a shared machine falls on both; returns each adapter's mean of every figure and prints
 * every round's figures as `#` comment lines.
 */
export async function compareHttpAdapters(rounds: number, measure: (adapter: HttpAdapterName) => Promise<Figures>): Promise<Record<HttpAdapterName, Figures>> {
  const measured: Record<HttpAdapterName, Figures[]> = { express: [], fastify: [] };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? HTTP_ADAPTER_NAMES : ([...HTTP_ADAPTER_NAMES].reverse() as HttpAdapterName[]);
    for (const adapter of order) {
      const figures = await measure(adapter);
      measured[adapter].push(figures);
      process.stdout.write(`# round ${round + 1} ${adapter}: ${Object.entries(figures).map(([name, value]) => `${name}=${value}`).join(' ')}\n`);
    }
  }
  return { express: meanOf(measured.express), fastify: meanOf(measured.fastify) };
}

function meanOf(rounds: readonly Figures[]): Figures {
  const names = Object.keys(rounds[0] ?? {});
  return Object.fromEntries(names.map((name) => [name, rounds.reduce((sum, figures) => sum + (figures[name] ?? 0), 0) / rounds.length]));
}

/** `BENCH name=<prefix>.fastify_<figure> value=<fastify> baseline=<express> ratio=<fastify ÷ express>` for each figure named. */
export function printAdapterComparison(prefix: string, means: Record<HttpAdapterName, Figures>, units: Readonly<Record<string, string>>): void {
  for (const [figure, unit] of Object.entries(units)) {
    const [name, suffix] = figure.includes('.') ? [figure.slice(0, figure.indexOf('.')), figure.slice(figure.indexOf('.'))] : [figure, ''];
    const fastify = means.fastify[figure] ?? Number.NaN;
    const express = means.express[figure] ?? Number.NaN;
    process.stdout.write(`BENCH name=${prefix}.fastify_${name}${suffix} value=${round(fastify)} unit=${unit} baseline=${round(express)} ratio=${(fastify / express).toFixed(3)}\n`);
  }
}

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/** One autocannon run; refuses a run with non-2xx answers or errors (it would measure refusals). */
export async function loadRoute(options: autocannon.Options): Promise<{ rps: number; p99: number; sentPerS: number }> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${String(options.method ?? 'GET')} ${options.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, sentPerS: result.requests.total / (result.duration || 1) };
}

/**
 * Starts `app` twice, once per HTTP_ADAPTER, each on a port of its own with `env` and what `perAdapter` adds
 * (a consumer group of its own, …); runs `run` once both are ready, then stops both. On a failure it writes
 * the tail of each process' output before rethrowing.
 */
export async function withServiceOnEachAdapter(
  app: string,
  env: Readonly<Record<string, string>>,
  perAdapter: (adapter: HttpAdapterName) => Readonly<Record<string, string>>,
  run: (services: Readonly<Record<HttpAdapterName, ServiceProcess>>) => Promise<void>,
): Promise<void> {
  const start = async (adapter: HttpAdapterName): Promise<ServiceProcess> => startServiceProcess(app, 'main', { ...env, ...perAdapter(adapter), HTTP_ADAPTER: adapter, HTTP_PORT: String(await freePort()) });
  const services: Record<HttpAdapterName, ServiceProcess> = { express: await start('express'), fastify: await start('fastify') };
  try {
    await Promise.all(Object.values(services).map((service) => waitUntilReady(service, 120_000)));
    await run(services);
  } catch (error) {
    for (const [adapter, service] of Object.entries(services)) process.stderr.write(`${adapter} service output (tail):\n${service.output().slice(-3_000)}\n`);
    throw error;
  } finally {
    for (const service of Object.values(services)) service.child.kill('SIGTERM');
    await Promise.all(Object.values(services).map((service) => service.exited));
  }
}
