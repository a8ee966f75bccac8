import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';

/** Publishes one CloudEvent (structured mode) as the commerce platform or another service would. */
export async function publishEvent(producer: Producer, topic: string, type: string, key: string, data: unknown, id: string = randomUUID()): Promise<string> {
  const envelope = { specversion: '1.0', id, source: 'test/pricing', type, time: '2026-06-01T12:00:00Z', datacontenttype: 'application/json', data };
  await producer.send({ topic, messages: [{ key, value: JSON.stringify(envelope) }] });
  return id;
}
