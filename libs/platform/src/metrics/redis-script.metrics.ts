import { Histogram, type Registry } from 'prom-client';

/**
 * `redis_script_duration_seconds{script,outcome}` (X4): the latency of each Lua script call as the app
 * sees it (round trip included). Wrap the typed wrapper of a `defineCommand` script:
 *   `return this.scripts.time('reserve-usage', () => this.redis.reserveUsage(...))`.
 */
export class RedisScriptMetrics {
  private readonly histogram: Histogram<'script' | 'outcome'>;

  constructor(registry: Registry) {
    this.histogram =
      (registry.getSingleMetric('redis_script_duration_seconds') as Histogram<'script' | 'outcome'> | undefined) ??
      new Histogram({
        name: 'redis_script_duration_seconds',
        help: 'Lua script call latency by script and outcome (ok or error)',
        labelNames: ['script', 'outcome'],
        buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
        registers: [registry],
      });
  }

  async time<T>(script: string, call: () => Promise<T>): Promise<T> {
    const end = this.histogram.startTimer({ script });
    try {
      const result = await call();
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: 'error' });
      throw error;
    }
  }
}
