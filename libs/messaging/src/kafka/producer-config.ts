import { Partitioners, type ProducerConfig } from 'kafkajs';

/**
 * The one producer of a service (outbox relay, dead letters). Idempotent (#20): a send the broker wrote
 * but whose answer was lost to a leader change is retried without a second copy, and one partition's
 * records keep their order (one request in flight, as kafkajs requires). Every send uses acks=-1, so a
 * record is on min.insync.replicas brokers before it counts. Retries are bounded, not kafkajs' idempotent
 * default of "forever": the relay sends inside a Postgres transaction, and a send that keeps failing must
 * give up so its batch is retried on the next pass; consumers de-duplicate by CloudEvent id.
 */
export const PRODUCER_CONFIG: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  retry: { initialRetryTime: 100, retries: 8 },
  createPartitioner: Partitioners.DefaultPartitioner,
};
