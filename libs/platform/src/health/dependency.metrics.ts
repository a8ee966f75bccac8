import { Inject, Injectable } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../metrics/metrics.module';
import { READINESS_CHECKS, type ReadinessCheck, withTimeout } from './readiness-check';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * `dependency_up{dependency}` (X4): 1 when Postgres, Redis, Kafka (and the app's own checks) answer,
 * 0 otherwise; the readiness checks run at each scrape, so the value is as fresh as the scrape.
 */
@Injectable()
export class DependencyMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, @Inject(READINESS_CHECKS) checks: readonly ReadinessCheck[]) {
    if (registry.getSingleMetric('dependency_up')) return;
    new Gauge({
      name: 'dependency_up',
      help: 'Whether a dependency (postgres, redis, kafka, ...) answered its readiness check at scrape time (1) or not (0)',
      labelNames: ['dependency'],
      registers: [registry],
      async collect() {
        await Promise.all(
          checks.map(async (c) => {
            const isUp = await withTimeout(c.check(), CHECK_TIMEOUT_MS, c.name).then(
              () => true,
              () => false,
            );
            this.set({ dependency: c.name }, isUp ? 1 : 0);
          }),
        );
      },
    });
  }
}
