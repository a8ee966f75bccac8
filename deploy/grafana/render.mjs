// Renders deploy/grafana/promotions.json (a Grafana dashboard over the metrics of docs in README "Operations"):
//   node deploy/grafana/render.mjs
// The `service` label is the pod's app.kubernetes.io/name, set by the Prometheus scrape config (relabeling).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sel = 'service=~"$service"';
let id = 0;
let y = 0;
const rows = [];

function row(title) {
  rows.push({ type: 'row', title, id: ++id, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y: y++ }, panels: [] });
}

/**
 * @param {string} title
 * @param {unknown[]} targets
 * @param {{ unit?: string, type?: string, w?: number, h?: number, x?: number, description?: string }} [options]
 */
function panel(title, targets, { unit = 'short', type = 'timeseries', w = 12, h = 8, x = 0, description } = {}) {
  rows.push({
    type,
    title,
    id: ++id,
    ...(description ? { description } : {}),
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h, w, x, y },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: type === 'timeseries' ? { legend: { displayMode: 'table', placement: 'right', calcs: ['lastNotNull', 'max'] }, tooltip: { mode: 'multi' } } : {},
    targets: targets.map(([expr, legendFormat], i) => ({ refId: String.fromCharCode(65 + i), expr, legendFormat, datasource: { type: 'prometheus', uid: '${datasource}' } })),
  });
  if (x + w >= 24) y += h;
}

row('HTTP');
panel('Requests per second by route and status', [[`sum by (service, route, status) (rate(http_request_duration_seconds_count{${sel}}[$__rate_interval]))`, '{{service}} {{route}} {{status}}']], { unit: 'reqps' });
panel('p95 latency by route', [[`histogram_quantile(0.95, sum by (le, service, route) (rate(http_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`, '{{service}} {{route}}']], { unit: 's', x: 12 });
panel('p99 latency by service', [[`histogram_quantile(0.99, sum by (le, service) (rate(http_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`, '{{service}} p99'], [`histogram_quantile(0.5, sum by (le, service) (rate(http_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`, '{{service}} p50']], { unit: 's' });
panel('Error ratio (5xx, 4xx)', [[`sum by (service) (rate(http_request_duration_seconds_count{${sel},status=~"5.."}[$__rate_interval])) / sum by (service) (rate(http_request_duration_seconds_count{${sel}}[$__rate_interval]))`, '{{service}} 5xx'], [`sum by (service) (rate(http_request_duration_seconds_count{${sel},status=~"4.."}[$__rate_interval])) / sum by (service) (rate(http_request_duration_seconds_count{${sel}}[$__rate_interval]))`, '{{service}} 4xx']], { unit: 'percentunit', x: 12 });

row('Kafka consumers');
panel('Consumer lag by topic', [[`sum by (group, topic) (kafka_consumer_lag{${sel}})`, '{{group}} {{topic}}']], { description: 'Records not yet consumed; KEDA scales consumers on this (deploy/k8s).' });
panel('Consumer lag by partition', [[`max by (group, topic, partition) (kafka_consumer_lag{${sel}})`, '{{group}} {{topic}}/{{partition}}']], { x: 12 });
panel('Events processed per second', [[`sum by (service, topic, outcome) (rate(messaging_events_processed_total{${sel}}[$__rate_interval]))`, '{{service}} {{topic}} {{outcome}}']], { unit: 'ops' });
panel('Dead-lettered and retried per second', [[`sum by (service, topic, reason) (rate(messaging_events_dead_lettered_total{${sel}}[$__rate_interval]))`, 'DLQ {{service}} {{topic}} {{reason}}'], [`sum by (service, topic, failure) (rate(messaging_event_retries_total{${sel}}[$__rate_interval]))`, 'retry {{service}} {{topic}} {{failure}}']], { unit: 'ops', x: 12 });
panel('Outbox backlog', [[`max by (service) (outbox_backlog{${sel}})`, '{{service}}']], { description: 'Committed events not yet on Kafka; should stay near 0.' });

row('Jobs and Redis');
panel('BullMQ queue depth', [[`sum by (service, queue, state) (bullmq_queue_jobs{${sel}})`, '{{service}} {{queue}} {{state}}']], { description: 'Waiting, delayed, active and failed jobs per queue.' });
panel('BullMQ oldest waiting job age', [[`max by (service, queue) (bullmq_queue_oldest_waiting_seconds{${sel}})`, '{{service}} {{queue}}']], { unit: 's', x: 12 });
panel('Lua script p95 latency', [[`histogram_quantile(0.95, sum by (le, service, script) (rate(redis_script_duration_seconds_bucket{${sel}}[$__rate_interval])))`, '{{service}} {{script}}']], { unit: 's' });
panel('Ledger reservations and order uses', [[`sum by (outcome) (rate(ledger_reservations_total[$__rate_interval]))`, 'reservation {{outcome}}'], [`sum by (decision) (rate(ledger_order_uses_total[$__rate_interval]))`, 'order use {{decision}}']], { unit: 'ops', x: 12 });

row('Dependencies and processes');
panel('Dependency up (postgres, redis, kafka)', [[`min by (service, dependency) (dependency_up{${sel}})`, '{{service}} {{dependency}}']], { type: 'state-timeline', w: 24 });
panel('Event loop lag p99', [[`max by (service, pod) (nodejs_eventloop_lag_p99_seconds{${sel}})`, '{{service}} {{pod}}']], { unit: 's' });
panel('Resident memory', [[`sum by (service, pod) (process_resident_memory_bytes{${sel}})`, '{{service}} {{pod}}']], { unit: 'bytes', x: 12 });

const dashboard = {
  uid: 'promotions-platform',
  title: 'Promotions platform',
  tags: ['promotions'],
  timezone: 'utc',
  schemaVersion: 39,
  version: 1,
  refresh: '30s',
  time: { from: 'now-6h', to: 'now' },
  templating: {
    list: [
      { name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Prometheus' },
      { name: 'service', type: 'query', label: 'service', datasource: { type: 'prometheus', uid: '${datasource}' }, query: 'label_values(http_request_duration_seconds_count, service)', includeAll: true, multi: true, current: { text: 'All', value: '$__all' }, refresh: 2 },
    ],
  },
  panels: rows,
};
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'promotions.json');
fs.writeFileSync(file, `${JSON.stringify(dashboard, null, 2)}\n`);
console.log(`wrote ${file} (${rows.length} panels and rows)`);
