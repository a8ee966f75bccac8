import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';

/** A kafkajs client whose logs go through the app's logger (pino JSON), never to stdout directly. */
export function createKafka(options: { readonly clientId: string; readonly brokers: readonly string[] }): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
    retry: { initialRetryTime: 100, retries: 8 },
  });
}

function kafkaLogCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log, namespace }: LogEntry): void => {
    const { message, ...fields } = log;
    const entry = { namespace, ...fields, msg: message };
    if (level === logLevel.ERROR) logger.error(entry);
    else if (level === logLevel.WARN) logger.warn(entry);
    else logger.debug(entry);
  };
}
