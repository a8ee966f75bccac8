/**
 * kafkajs leaves some promises unawaited when a broker of several goes away (a connection error or a
 * request timeout rejected after its caller moved on: tulios/kafkajs#939, #1686), and Node ends the process
 * on an unhandled rejection. One dead broker of three must not kill a service that the other two serve, so
 * a rejection kafkajs marks retriable is logged and the process goes on; the client reconnects on its own.
 * Anything else still ends the process, as Node would: it is a bug, and a restart is the safe answer.
 */
export function installBrokerRejectionGuard(log: (level: 'warn' | 'fatal', msg: string, fields: Record<string, unknown>) => void): void {
  process.on('unhandledRejection', (reason: unknown) => {
    if (isRetriableKafkaError(reason)) {
      log('warn', 'a Kafka client call failed with nobody waiting for it (a broker went away); the client reconnects', { err: describe(reason) });
      return;
    }
    log('fatal', 'unhandled promise rejection', { err: describe(reason) });
    process.exit(1);
  });
}

function isRetriableKafkaError(reason: unknown): boolean {
  return reason instanceof Error && reason.name.startsWith('KafkaJS') && (reason as { retriable?: unknown }).retriable === true;
}

function describe(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
}
