import { Inject, Injectable } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../metrics/metrics.module';
import { DependencyStatus } from './dependency-status';

/**
 * `dependency_up{dependency}` (X4): 1 when Postgres, Redis, Kafka (and the app's own checks) answered,
 * 0 otherwise. A scrape reads the recent answers of DependencyStatus (at most DEPENDENCY_CHECK_INTERVAL_MS
 * old), so scrapes stay cheap and never multiply the checks.
 */
@Injectable()
export class DependencyMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, status: DependencyStatus) {
    if (registry.getSingleMetric('dependency_up')) return;
    new Gauge({
      name: 'dependency_up',
      help: 'Whether a dependency (postgres, redis, kafka, ...) answered its last readiness check (1) or not (0); checked at most every DEPENDENCY_CHECK_INTERVAL_MS',
      labelNames: ['dependency'],
      registers: [registry],
      async collect() {
        for (const { name, state } of await status.recent()) this.set({ dependency: name }, state === 'up' ? 1 : 0);
      },
    });
  }
}
