import { Counter, Gauge, type Registry } from 'prom-client';
import type { RecordsLost } from '../consumer/consumer-positions';
import type { RecordOutcome } from '../consumer/event-consumer';
import type { PartitionLag } from './consumer-lag';

/**
 * The consumer and outbox metrics of one app (X4): processed, duplicate and dead-lettered records and
 * retries by topic, records lost to the group, the group's lag per topic/partition, and the outbox backlog.
 */
export class MessagingMetrics {
  private readonly processed: Counter<'topic' | 'outcome'>;
  private readonly deadLettered: Counter<'topic' | 'reason'>;
  private readonly retries: Counter<'topic' | 'failure'>;
  private readonly lost: Counter<'topic' | 'partition' | 'group'>;
  private readonly lag: Gauge<'topic' | 'partition' | 'group'>;
  private readonly outboxBacklog: Gauge;

  constructor(
    registry: Registry,
    private readonly group: string,
  ) {
    this.processed = new Counter({
      name: 'messaging_events_processed_total',
      help: 'Records consumed by topic and outcome: processed (effect committed) or duplicate (already processed, skipped)',
      labelNames: ['topic', 'outcome'],
      registers: [registry],
    });
    this.deadLettered = new Counter({
      name: 'messaging_events_dead_lettered_total',
      help: 'Records sent to the dead-letter topic, by original topic and reason',
      labelNames: ['topic', 'reason'],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'messaging_event_retries_total',
      help: 'Failed attempts at a record that will be retried, by topic and failure kind',
      labelNames: ['topic', 'failure'],
      registers: [registry],
    });
    this.lost = new Counter({
      name: 'messaging_records_lost_total',
      help: 'Records the group never read because the log start passed them (retention under a lagging consumer, deleteRecords, an out-of-range reset)',
      labelNames: ['topic', 'partition', 'group'],
      registers: [registry],
    });
    this.lag = new Gauge({
      name: 'kafka_consumer_lag',
      help: "Records not yet consumed by the app's group, per topic and partition (high watermark - committed offset)",
      labelNames: ['topic', 'partition', 'group'],
      registers: [registry],
    });
    this.outboxBacklog = new Gauge({ name: 'outbox_backlog', help: 'Outbox rows committed but not yet published to Kafka', registers: [registry] });
  }

  observeOutcome(outcome: RecordOutcome): void {
    if (outcome.kind === 'dead-lettered') this.deadLettered.inc({ topic: outcome.position.topic, reason: outcome.letter.reason });
    else this.processed.inc({ topic: outcome.position.topic, outcome: outcome.kind });
  }

  observeRetry(topic: string, failure: string): void {
    this.retries.inc({ topic, failure });
  }

  observeRecordsLost(lost: RecordsLost): void {
    this.lost.inc({ topic: lost.topic, partition: String(lost.partition), group: lost.group }, lost.records);
  }

  setLag(lags: readonly PartitionLag[]): void {
    for (const { topic, partition, lag } of lags) this.lag.set({ topic, partition: String(partition), group: this.group }, lag);
  }

  setOutboxBacklog(rows: number): void {
    this.outboxBacklog.set(rows);
  }
}
