import type { AnyEventHandler } from './event-handler';

/**
 * The topic an app consumes an event type from: the type under the platform's one `KAFKA_TOPIC_PREFIX`
 * (empty in production; a test gives each run topics of its own). Dead-letter topics derive from it
 * (`deadLetterTopic`), so they carry the same prefix.
 */
export function consumedTopic(topicPrefix: string, eventType: string): string {
  return `${topicPrefix}${eventType}`;
}

/**
 * The prefix of the topics the outbox publishes to: none, whatever KAFKA_TOPIC_PREFIX is, so a consumer of an
 * app's own published events (pricing's index reads `pricing.promotion-changed` and `code-inventory.code-changed`)
 * subscribes under this one.
 */
export const PUBLISHED_TOPIC_PREFIX = '';

/** One handler on the topic it reads: what the consumer subscribes to and routes each record by. */
export interface Subscription {
  readonly topic: string;
  readonly handler: AnyEventHandler;
}

/** Each handler on the topic of the event type it declares, under the given prefix. */
export function subscriptionsOf(handlers: readonly AnyEventHandler[], topicPrefix: string): Subscription[] {
  return handlers.map((handler) => ({ topic: consumedTopic(topicPrefix, handler.eventType), handler }));
}
