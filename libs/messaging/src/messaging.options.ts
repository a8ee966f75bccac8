import type { Type } from '@nestjs/common';
import type { OutboundEventType } from '@promo/contracts';
import type { EventHandler } from './consumer/event-handler';

export interface MessagingModuleOptions {
  /** The app's name: Kafka client id, consumer group id and dead-letter topic infix. */
  readonly app: string;
  readonly brokers: readonly string[];
  /** Partitions of the topics this app creates when they are missing. */
  readonly partitions: number;
  readonly handlers?: readonly Type<EventHandler>[];
  /** Topics this app publishes through its outbox. */
  readonly publishes?: readonly OutboundEventType[];
}
