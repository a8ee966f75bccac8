import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { deadLetterTopic } from '@promo/contracts';
import { EventConsumer, KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER, ensureTopics, PUBLISHED_TOPIC_PREFIX, subscriptionsOf } from '@promo/messaging';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CodeChangedHandler } from '../code-lookup/code-changed.handler';
import type { PricingConfig } from '../config/env.schema';
import { PromotionChangedHandler } from './promotion-changed.handler';

/**
 * This replica's own consumer group (`pricing-index-<instance>`): every replica sees every promotion change and
 * every code change, which the app's shared group (one replica per partition) could not give. Dead letters go
 * to topics all replicas share (`<topic>.pricing-index.dlq`). The group of a replica that went for good is
 * deleted by Kafka once its offsets expire (`offsets.retention.minutes`, 7 days by default).
 */
const INDEX_DEAD_LETTER_NAME = 'pricing-index';

@Injectable()
export class IndexConsumerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('promotion-index-consumer');
  private consumer: EventConsumer | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(APP_CONFIG) private readonly config: PricingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly promotionChanged: PromotionChangedHandler,
    private readonly codeChanged: CodeChangedHandler,
  ) {}

  get groupId(): string {
    return `pricing-index-${this.config.PRICING_INSTANCE_ID}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The events pricing's and code-inventory's outboxes publish, on the topics they publish them to.
    const subscriptions = subscriptionsOf([this.promotionChanged, this.codeChanged], PUBLISHED_TOPIC_PREFIX);
    const partitions = this.config.KAFKA_TOPIC_PARTITIONS;
    await this.admin.connect();
    await ensureTopics(
      this.admin,
      subscriptions.flatMap(({ topic }) => [
        { topic, numPartitions: partitions },
        { topic: deadLetterTopic(topic, INDEX_DEAD_LETTER_NAME), numPartitions: 1 },
      ]),
    );
    this.consumer = new EventConsumer({
      kafka: this.kafka,
      producer: this.producer,
      dataSource: this.dataSource,
      groupId: this.groupId,
      deadLetterName: INDEX_DEAD_LETTER_NAME,
      subscriptions,
      logger: this.logger,
      now: () => this.clock.now(),
      // The boot load read the store; history before it is already in the index, and the poll covers the gap
      // between that load and this group's first fetch. Replaying the topic would only repeat it.
      fromBeginning: false,
      // A replica that leaves for good should not hold partitions for long.
      sessionTimeoutMs: 10_000,
    });
    await this.consumer.start();
    this.logger.log({ group: this.groupId, topics: this.consumer.topics }, 'index consumer started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
