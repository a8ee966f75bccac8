import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock } from '@promo/platform';
import type { Kafka } from 'kafkajs';
import { createKafka } from './kafka/create-kafka';
import { KafkaReadinessCheck } from './kafka/kafka-readiness.check';
import { PRODUCER_CONFIG } from './kafka/producer-config';
import { KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER, MESSAGING_OPTIONS } from './kafka/kafka.tokens';
import { IngestionStatsController } from './ingestion/ingestion-stats.controller';
import { MessagingLifecycle } from './messaging.lifecycle';
import type { MessagingModuleOptions } from './messaging.options';
import { OutboxWriter } from './outbox/outbox-writer';

/**
 * Kafka for one app: its consumer over the given handlers, the outbox writer and relay, a readiness check. The
 * handlers are providers of the app's feature modules (beside what they use); the consumer finds them there.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      controllers: [IngestionStatsController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka({ clientId: options.app, brokers: options.brokers }) },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA],
          useFactory: (kafka: Kafka) => kafka.producer(PRODUCER_CONFIG),
        },
        { provide: KAFKA_ADMIN, inject: [KAFKA], useFactory: (kafka: Kafka) => kafka.admin() },
        { provide: OutboxWriter, inject: [CLOCK], useFactory: (clock: Clock) => new OutboxWriter(`promotions/${options.app}`, () => clock.now()) },
        KafkaReadinessCheck,
        MessagingLifecycle,
      ],
      exports: [KAFKA, KAFKA_PRODUCER, KAFKA_ADMIN, OutboxWriter, KafkaReadinessCheck],
    };
  }
}
