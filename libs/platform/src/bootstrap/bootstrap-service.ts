import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { z } from 'zod';
import type { CommonEnv } from '../config/common-env.schema';
import { InvalidEnvironmentError, parseEnv } from '../config/parse-env';
import { JsonLogger } from '../logging/json-logger';
import { startTracing } from '../tracing/tracing';
import { installBrokerRejectionGuard } from './broker-rejection-guard';
import { configureHttpApp } from './configure-http-app';
import { createHttpAdapter } from './http-adapter';

export interface BootstrapOptions<TSchema extends z.ZodType<CommonEnv, z.ZodTypeDef, unknown>> {
  readonly service: string;
  readonly envSchema: TSchema;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly appModule: (config: z.infer<TSchema>) => DynamicModule;
}

/**
 * Boots one service: validates the environment (a bad variable stops the process and is named),
 * starts HTTP (on Express or Fastify: HTTP_ADAPTER), and on SIGTERM/SIGINT closes in order (consumers commit, relays flush, pools close),
 * exiting by force only if that takes longer than SHUTDOWN_TIMEOUT_MS. Tracing starts first (OTEL_EXPORTER_OTLP_ENDPOINT).
 */
export async function bootstrapService<TSchema extends z.ZodType<CommonEnv, z.ZodTypeDef, unknown>>(options: BootstrapOptions<TSchema>): Promise<void> {
  let config: z.infer<TSchema>;
  try {
    config = parseEnv(options.envSchema, options.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    writeFatal(options.service, error.message, { invalid: error.problems });
    process.exit(78); // EX_CONFIG
  }
  // First, before the app module is built: the HTTP interceptor and the consumers ask whether tracing is on.
  const tracing = startTracing(options.service, config);
  installBrokerRejectionGuard((level, msg, fields) => writeLine(level, options.service, msg, fields));
  const app = configureHttpApp(
    await NestFactory.create(options.appModule(config), await createHttpAdapter(config.HTTP_ADAPTER), { bufferLogs: true, logger: JsonLogger.forService(options.service, config.LOG_LEVEL) }),
  );
  // `on`, not `once`: the listener stays registered while the shutdown runs, so a library's own signal hook
  // (signal-exit re-raises the signal when it believes it is the last listener) cannot kill the process mid-way,
  // and a second signal is only logged.
  let isShuttingDown = false;
  const shutDown = (signal: NodeJS.Signals): void => {
    if (isShuttingDown) {
      writeFatal(options.service, `${signal} received again; shutdown already under way`, {});
      return;
    }
    isShuttingDown = true;
    setTimeout(() => {
      writeFatal(options.service, `shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`, {});
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    // app.close() runs every shutdown hook: consumers stop and commit, relays flush, pools close.
    // Buffered spans are exported last, so the shutdown's own spans go too.
    app.close().then(() => tracing.shutdown()).then(
      () => process.exit(0),
      (error: unknown) => {
        writeFatal(options.service, 'shutdown failed', { err: String(error) });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutDown);
  await app.listen(config.HTTP_PORT, '0.0.0.0');
}

function writeFatal(service: string, msg: string, fields: Record<string, unknown>): void {
  writeLine('fatal', service, msg, fields);
}

function writeLine(level: 'warn' | 'fatal', service: string, msg: string, fields: Record<string, unknown>): void {
  // eslint-disable-next-line no-restricted-syntax -- the logger does not exist yet (or any more) here
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), service, msg, ...fields })}\n`);
}
