import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { deadLetterTopic } from '@promo/contracts';
import { CLOCK, type Clock, isEventTimeObserver, METRICS_REGISTRY } from '@promo/platform';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { EventConsumer } from './consumer/event-consumer';
import type { AnyEventHandler } from './consumer/event-handler';
import { subscriptionsOf } from './consumer/topics';
import { ensureTopics } from './kafka/ensure-topics';
import { KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER, MESSAGING_OPTIONS } from './kafka/kafka.tokens';
import type { MessagingModuleOptions } from './messaging.options';
import { fetchConsumerLag } from './metrics/consumer-lag';
import { MessagingMetrics } from './metrics/messaging.metrics';
import { OutboxRelay } from './outbox/outbox-relay';

/** How often the consumer lag and the outbox backlog gauges are refreshed. */
const SAMPLE_INTERVAL_MS = 10_000;

/**
 * Starts the app's consumer and outbox relay once the app is up, and stops them before the database
 * pool closes: in-flight records finish, offsets commit, the outbox is flushed (X4).
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('messaging');
  private consumer: EventConsumer | undefined;
  private relay: OutboxRelay | undefined;
  private readonly metrics: MessagingMetrics;
  /** null once shut down (no further samples). */
  private sampler: NodeJS.Timeout | null | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    private readonly moduleRef: ModuleRef,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.metrics = new MessagingMetrics(registry, this.groupId);
  }

  private get groupId(): string {
    return this.options.groupId ?? this.options.app;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.admin.connect(), this.producer.connect()]);
    const partitions = this.options.partitions;
    const handlers = this.resolveHandlers();
    const subscriptions = subscriptionsOf(handlers, this.options.topicPrefix);
    await ensureTopics(this.admin, [
      ...subscriptions.flatMap(({ topic }) => [
        { topic, numPartitions: partitions },
        { topic: deadLetterTopic(topic, this.groupId), numPartitions: partitions },
      ]),
      ...(this.options.publishes ?? []).map((topic) => ({ topic, numPartitions: partitions })),
    ]);
    const now = () => this.clock.now();
    this.relay = new OutboxRelay({ dataSource: this.dataSource, producer: this.producer, logger: this.logger, now });
    this.relay.start();
    if (handlers.length > 0) {
      this.consumer = new EventConsumer({
        kafka: this.kafka,
        producer: this.producer,
        dataSource: this.dataSource,
        groupId: this.groupId,
        subscriptions,
        source: `promotions/${this.options.app}`,
        logger: this.logger,
        now,
        partitions: this.options.partitions,
        ...(this.options.partitionsConsumedConcurrently === undefined ? {} : { partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently }),
        ...this.eventTimeObserver(),
        onOutcome: (outcome) => this.metrics.observeOutcome(outcome),
        onRetry: (position, failure) => this.metrics.observeRetry(position.topic, failure),
        onRecordsLost: (lost) => this.metrics.observeRecordsLost(lost),
      });
      await this.consumer.start();
    }
    this.sample();
    this.logger.log({ topics: this.consumer?.topics ?? [], group: this.options.groupId ?? this.options.app }, 'messaging started');
  }

  /** The app's instances of the handler classes it listed, wherever its modules provide them. */
  private resolveHandlers(): AnyEventHandler[] {
    return (this.options.handlers ?? []).map((type) => {
      try {
        return this.moduleRef.get(type, { strict: false });
      } catch (error) {
        throw new Error(`event handler ${type.name} is not a provider of any module of ${this.options.app}`, { cause: error });
      }
    });
  }

  /** Pauses consumption of the given topics (the others go on); a no-op before the consumer starts. */
  pauseTopics(topics: readonly string[]): void {
    this.consumer?.pause(topics);
  }

  resumeTopics(topics: readonly string[]): void {
    this.consumer?.resume(topics);
  }

  /** CLOCK_MODE=event-time: the consumer moves the clock to each record's timestamp. */
  private eventTimeObserver(): { observeTime?: (at: Date) => void } {
    const clock = this.clock;
    return isEventTimeObserver(clock) ? { observeTime: (at) => clock.observe(at) } : {};
  }

  /** Refreshes the lag and backlog gauges now, then every SAMPLE_INTERVAL_MS until shutdown; a failed sample is retried next time. */
  private sample(): void {
    const topics = this.consumer?.topics ?? [];
    void Promise.all([
      fetchConsumerLag(this.admin, this.groupId, topics).then((lags) => this.metrics.setLag(lags)),
      this.dataSource
        .query<{ backlog: number }[]>(`SELECT count(*)::int AS backlog FROM outbox_messages WHERE published_at IS NULL`)
        .then((rows) => this.metrics.setOutboxBacklog(rows[0]?.backlog ?? 0)),
    ])
      .catch((error: unknown) => this.logger.debug({ err: error }, 'metrics sample failed'))
      .finally(() => {
        if (this.sampler === null) return;
        this.sampler = setTimeout(() => this.sample(), SAMPLE_INTERVAL_MS);
        this.sampler.unref();
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.sampler ?? undefined);
    this.sampler = null;
    await this.consumer?.stop();
    await this.relay?.stop();
    this.logger.log('consumer stopped with offsets committed; outbox flushed');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
