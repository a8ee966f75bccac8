import { deadLetterTopic } from '@promo/contracts';
import type { Admin, Kafka } from 'kafkajs';
import { ingestionStats, type ServiceClients } from '../cluster/service-clients';
import type { ServiceName } from '../cluster/service-cluster';
import { readWholeTopic } from '../replay/read-topic';
import type { ExpectedOutcomes } from '../stream/expected-outcomes';
import { type CheckResult, compare } from './check-result';

/** The upstream topics each service consumes (spec/ARCHITECTURE.md). */
export const UPSTREAM_CONSUMERS: Readonly<Record<ServiceName, readonly string[]>> = {
  pricing: ['cart.updated'],
  'code-inventory': [],
  'redemption-ledger': ['order.placed', 'order.cancelled'],
  campaigns: ['cart.updated', 'order.placed', 'order.cancelled', 'customer.inactive'],
};

/**
 * Consumers that keep no processed-event rows (#21: pricing publishes `pricing.cart-priced` straight to Kafka
 * with an id derived from its input's): what they processed is counted on their output topic instead, as
 * the distinct `data.sourceEventId`s it carries.
 */
const COUNTED_ON_OUTPUT: Readonly<Partial<Record<ServiceName, Readonly<Record<string, string>>>>> = {
  pricing: { 'cart.updated': 'pricing.cart-priced' },
};

/**
 * X1/X2 ingestion: each service processed every distinct well-formed event of its topics exactly once
 * (its own API says how many), and dead-lettered every malformed record with a reason; services that
 * read the same topic dead-lettered the same records.
 */
export async function checkIngestion(
  expected: ExpectedOutcomes,
  clients: ServiceClients,
  kafka: Kafka,
  admin: Admin,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const deadByTopic = new Map<string, Map<ServiceName, string[]>>();
  for (const [service, topics] of Object.entries(UPSTREAM_CONSUMERS) as [ServiceName, readonly string[]][]) {
    if (topics.length === 0) continue;
    const stats = await ingestionStats(clients, service);
    for (const topic of topics) {
      const output = COUNTED_ON_OUTPUT[service]?.[topic];
      if (output) {
        results.push(...(await checkOutputCount(service, topic, output, expected, kafka, admin)));
      } else {
        const processed = stats.topics.find((t) => t.topic === topic)?.processed ?? 0;
        results.push(compare(`${service}: distinct ${topic} events processed once`, expected.byType[topic] ?? 0, processed));
      }
      const letters = await readWholeTopic(kafka, admin, deadLetterTopic(topic, service));
      const withoutReason = letters.filter((m) => !m.headers?.['dlq-reason']?.toString()).length;
      results.push(compare(`${service}: ${topic} dead letters without a reason`, 0, withoutReason));
      const positions = letters.map((m) => `${m.headers?.['dlq-original-partition']?.toString()}/${m.headers?.['dlq-original-offset']?.toString()}`).sort();
      const perService = deadByTopic.get(topic) ?? new Map<ServiceName, string[]>();
      perService.set(service, positions);
      deadByTopic.set(topic, perService);
    }
  }
  let malformed = 0;
  for (const [topic, perService] of deadByTopic) {
    const sets = [...perService.values()].map((p) => JSON.stringify([...new Set(p)]));
    results.push(compare(`${topic}: every consumer dead-lettered the same records once`, true, new Set(sets).size === 1 && [...perService.values()].every((p) => new Set(p).size === p.length)));
    malformed += new Set([...perService.values()][0] ?? []).size;
  }
  results.push(compare('malformed records dead-lettered (all topics)', expected.malformed, malformed));
  return results;
}

/** Every distinct input event has output on `output`, each input under one output id however often it was redelivered. */
async function checkOutputCount(service: ServiceName, topic: string, output: string, expected: ExpectedOutcomes, kafka: Kafka, admin: Admin): Promise<CheckResult[]> {
  const idsBySource = new Map<string, Set<string>>();
  for (const message of await readWholeTopic(kafka, admin, output)) {
    const event = JSON.parse(message.value?.toString() ?? '{}') as { id?: string; data?: { sourceEventId?: string } };
    const source = event.data?.sourceEventId;
    if (source === undefined || event.id === undefined) continue;
    idsBySource.set(source, (idsBySource.get(source) ?? new Set()).add(event.id));
  }
  return [
    compare(`${service}: distinct ${topic} events answered on ${output}`, expected.byType[topic] ?? 0, idsBySource.size),
    compare(`${service}: ${output} ids per ${topic} event (a redelivery repeats the id)`, 0, [...idsBySource.values()].filter((ids) => ids.size !== 1).length),
  ];
}
