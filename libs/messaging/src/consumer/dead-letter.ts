import { deadLetterTopic, type MalformedRecord } from '@promo/contracts';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import type { RecordPosition } from './event-handler';

export type DeadLetterReason = MalformedRecord['reason'] | 'processing_failed' | 'retries_exhausted';

export interface DeadLetter {
  readonly reason: DeadLetterReason;
  readonly detail: string;
  readonly eventId?: string | undefined;
}

/** Header names on a dead-lettered record; the value and key are the original bytes, unchanged. */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  detail: 'dlq-detail',
  eventId: 'dlq-event-id',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/**
 * Sends the original record to `<topic>.<dlqName>.dlq` (`dlqName` is the group's name unless replicas with
 * groups of their own share one) with why and where it came from; resolves once the broker has it.
 */
export async function sendToDeadLetter(
  producer: Producer,
  group: string,
  position: RecordPosition,
  message: KafkaMessage,
  letter: DeadLetter,
  failedAt: Date,
  dlqName: string = group,
): Promise<void> {
  const headers: IHeaders = {
    ...message.headers,
    [DLQ_HEADERS.reason]: letter.reason,
    [DLQ_HEADERS.detail]: letter.detail.slice(0, 1_000),
    [DLQ_HEADERS.topic]: position.topic,
    [DLQ_HEADERS.partition]: String(position.partition),
    [DLQ_HEADERS.offset]: position.offset,
    [DLQ_HEADERS.group]: group,
    [DLQ_HEADERS.failedAt]: failedAt.toISOString(),
    ...(letter.eventId ? { [DLQ_HEADERS.eventId]: letter.eventId } : {}),
  };
  await producer.send({
    topic: deadLetterTopic(position.topic, dlqName),
    acks: -1,
    messages: [{ key: message.key, value: message.value, headers, timestamp: message.timestamp }],
  });
}
