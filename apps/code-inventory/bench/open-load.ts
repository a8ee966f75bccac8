/**
 * An open-model load generator (like wrk2): requests are scheduled at a fixed rate whatever the
 * service does, sent over at most `connections` keep-alive connections, and each latency is measured
 * from the request's scheduled send time, so a stalled service is charged for the requests that
 * queued behind it (no coordinated omission).
 */
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface OpenLoadOptions {
  readonly baseUrl: string;
  readonly connections: number;
  /** Offered load, requests per second across all connections. */
  readonly rate: number;
  readonly durationS: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly path: (index: number) => string;
}

export interface OpenLoadResult {
  readonly sent: number;
  readonly completed: number;
  readonly non2xx: number;
  readonly errors: number;
  /** The generator's own longest event-loop delay: a stall here is charged to the service's latencies too. */
  readonly clientLoopDelayMaxMs: number;
  /** Achieved completions per second. */
  readonly rps: number;
  /** Milliseconds from the scheduled send time to the end of the response. */
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

export async function runOpenLoad(options: OpenLoadOptions): Promise<OpenLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(options.baseUrl);
  const total = Math.round(options.rate * options.durationS);
  const latencies = new Float64Array(total);
  let completed = 0;
  let non2xx = 0;
  let errors = 0;
  const intervalMs = 1000 / options.rate;
  const clientDelay = monitorEventLoopDelay({ resolution: 1 });
  clientDelay.enable();
  const t0 = performance.now();

  const send = (index: number, scheduledAt: number): Promise<void> =>
    new Promise((resolve) => {
      const req = request({ agent, host: url.hostname, port: url.port, method: 'GET', path: options.path(index), headers: options.headers }, (response) => {
        if ((response.statusCode ?? 0) >= 300) non2xx += 1;
        response.resume();
        response.once('end', () => {
          latencies[completed] = performance.now() - scheduledAt;
          completed += 1;
          resolve();
        });
      });
      req.once('error', () => {
        errors += 1;
        resolve();
      });
      req.end();
    });

  const inFlight: Promise<void>[] = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Send every request whose time has come; the agent queues those beyond `connections` sockets,
    // and that wait counts in their latency.
    while (next < total && t0 + next * intervalMs <= now) {
      inFlight.push(send(next, t0 + next * intervalMs));
      next += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - t0) / 1000;
  agent.destroy();
  clientDelay.disable();

  const sorted = latencies.subarray(0, completed).sort();
  const at = (quantile: number): number => round(sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0);
  return { sent: total, completed, non2xx, errors, rps: Math.round(completed / elapsedS), p50: at(0.5), p99: at(0.99), p999: at(0.999), max: round(sorted[sorted.length - 1] ?? 0), clientLoopDelayMaxMs: round(clientDelay.max / 1e6) };
}

const round = (value: number): number => Math.round(value * 100) / 100;
