import type { Type } from '@nestjs/common';
import type { OutboundEventType } from '@promo/contracts';
import type { AnyEventHandler } from './consumer/event-handler';

export interface MessagingModuleOptions {
  /** The app's name: Kafka client id, consumer group id and dead-letter topic infix. */
  readonly app: string;
  /** The consumer group id when it must differ from `app` (tests that run several instances on their own topics). */
  readonly groupId?: string;
  readonly brokers: readonly string[];
  /** KAFKA_TOPIC_PREFIX: the consumed topics are `<prefix><event type>` (topics.ts), their dead letters after them. */
  readonly topicPrefix: string;
  /** Partitions of the topics this app creates when they are missing. */
  readonly partitions: number;
  /** Partitions the consumer handles at once (EventConsumerOptions.partitionsConsumedConcurrently; default 1). */
  readonly partitionsConsumedConcurrently?: number;
  /** The handlers the app's consumer routes to, each a provider of one of the app's modules. */
  readonly handlers?: readonly Type<AnyEventHandler>[];
  /** Topics this app publishes through its outbox. */
  readonly publishes?: readonly OutboundEventType[];
}
