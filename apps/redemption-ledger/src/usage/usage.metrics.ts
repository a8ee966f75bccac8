import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@promo/platform';
import { Counter, type Registry } from 'prom-client';

/** Prometheus counters of the ledger: reservation outcomes, order-use decisions, rebuilds from Postgres. */
@Injectable()
export class UsageMetrics {
  readonly reservations: Counter<'outcome'>;
  readonly orderUses: Counter<'decision'>;
  readonly rebuilds: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.reservations = new Counter({ name: 'ledger_reservations_total', help: 'Reservation requests by outcome', labelNames: ['outcome'], registers: [registry] });
    this.orderUses = new Counter({ name: 'ledger_order_uses_total', help: 'Promotion uses carried by orders, by decision', labelNames: ['decision'], registers: [registry] });
    this.rebuilds = new Counter({ name: 'ledger_usage_rebuilds_total', help: 'Rebuilds of the Redis counters from Postgres: done, skipped (another replica rebuilt first), failed', labelNames: ['outcome'], registers: [registry] });
  }
}
