import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic } from '@promo/contracts';
import { CLOCK, type Clock, isEventTimeObserver } from '@promo/platform';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventConsumer } from './consumer/event-consumer';
import type { EventHandler } from './consumer/event-handler';
import { ensureTopics } from './kafka/ensure-topics';
import { EVENT_HANDLERS, KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER, MESSAGING_OPTIONS } from './kafka/kafka.tokens';
import type { MessagingModuleOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * Starts the app's consumer and outbox relay once the app is up, and stops them before the database
 * pool closes: in-flight records finish, offsets commit, the outbox is flushed (X4).
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('messaging');
  private consumer: EventConsumer | undefined;
  private relay: OutboxRelay | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(EVENT_HANDLERS) private readonly handlers: readonly EventHandler[],
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.admin.connect(), this.producer.connect()]);
    const partitions = this.options.partitions;
    await ensureTopics(this.admin, [
      ...this.handlers.flatMap((h) => [
        { topic: h.topic, numPartitions: partitions },
        { topic: deadLetterTopic(h.topic, this.options.groupId ?? this.options.app), numPartitions: partitions },
      ]),
      ...(this.options.publishes ?? []).map((topic) => ({ topic, numPartitions: partitions })),
    ]);
    const now = () => this.clock.now();
    this.relay = new OutboxRelay({ dataSource: this.dataSource, producer: this.producer, logger: this.logger, now });
    this.relay.start();
    if (this.handlers.length > 0) {
      this.consumer = new EventConsumer({
        kafka: this.kafka,
        producer: this.producer,
        dataSource: this.dataSource,
        groupId: this.options.groupId ?? this.options.app,
        handlers: this.handlers,
        logger: this.logger,
        now,
        ...this.eventTimeObserver(),
      });
      await this.consumer.start();
    }
    this.logger.log({ topics: this.consumer?.topics ?? [], group: this.options.groupId ?? this.options.app }, 'messaging started');
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

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    this.logger.log('consumer stopped with offsets committed; outbox flushed');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
