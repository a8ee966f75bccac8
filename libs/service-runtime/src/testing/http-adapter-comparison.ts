import { readFileSync } from 'node:fs';
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

/** Requests one CPU-second of the service answers, from its CPU time per request. */
export function requestsPerCpuSecond(cpuUsPerRequest: number): number {
  return Math.round(1_000_000 / cpuUsPerRequest);
}

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/** CPU seconds (user + system, every thread) the process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid: number): number {
  // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th, in clock ticks (100/s).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A service process and the CPU it uses per second when it answers nothing (`idleCpuOf`). */
export interface MeasuredProcess {
  readonly pid: number;
  readonly idleCpuPerS: number;
}

/** Measures the CPU seconds per second the process uses while nothing is sent to it, over `seconds`. */
export async function idleCpuOf(pid: number, seconds = 3): Promise<MeasuredProcess> {
  const before = cpuSecondsOf(pid);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return { pid, idleCpuPerS: (cpuSecondsOf(pid) - before) / seconds };
}

export interface RouteLoad {
  readonly rps: number;
  readonly p99: number;
  readonly sentPerS: number;
  /**
   * The service process' CPU time per answered request, µs, less its idle CPU over the run: what a request
   * costs whatever else the machine runs (contention changes requests per second far more than this).
   */
  readonly cpuUsPerRequest: number;
  readonly errors: number;
  readonly timeouts: number;
}

/**
 * One autocannon run against `service`. Refuses a run with non-2xx answers (it would measure refusals);
 * connection errors and timeouts are returned, for the caller to print beside the figures.
 */
export async function loadRoute(service: MeasuredProcess, options: autocannon.Options): Promise<RouteLoad> {
  const cpuBefore = cpuSecondsOf(service.pid);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // 30 s, not autocannon's 10 s: on a shared machine a closed loop of 64 can wait that long without anything being wrong.
    autocannon({ timeout: 30, ...options }, (error, done) => (error ? reject(error) : resolve(done)));
  });
  // Less what the process spends when idle (consumers polling, relays, refreshes) over the same time: at a few
  // dozen requests per second on a loaded machine, that background would otherwise count as the requests' cost.
  const cpu = cpuSecondsOf(service.pid) - cpuBefore - service.idleCpuPerS * ((performance.now() - started) / 1000);
  if (result.non2xx > 0) throw new Error(`${String(options.method ?? 'GET')} ${options.url}: ${result.non2xx} non-2xx answers`);
  const answered = result['2xx'];
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    sentPerS: result.requests.total / (result.duration || 1),
    // NaN where the idle sample was larger than the run's own use: background work varied, the figure means nothing.
    cpuUsPerRequest: answered > 0 && cpu > 0 ? Math.round((cpu * 1_000_000) / answered) : Number.NaN,
    errors: result.errors,
    timeouts: result.timeouts,
  };
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
