import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { runMigrations } from '@promo/persistence';
import { type CommonEnv, JsonLogger, parseEnv } from '@promo/platform';
import { serviceDataSourceOptions, type ServiceCoreOptions } from './service-core.module';

/** The `migrate` command of a service: validates the environment, applies pending migrations, says which. */
export async function migrateService<TSchema extends z.ZodType<CommonEnv, z.ZodTypeDef, unknown>>(
  options: Omit<ServiceCoreOptions<z.infer<TSchema>>, 'config' | 'handlers' | 'publishes' | 'clock'> & {
    readonly envSchema: TSchema;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): Promise<readonly string[]> {
  const config = parseEnv(options.envSchema, options.env);
  Logger.overrideLogger(new JsonLogger(options.service, config.LOG_LEVEL));
  const dataSource = new DataSource(serviceDataSourceOptions({ ...options, config }));
  try {
    const applied = await runMigrations(dataSource, options.schema);
    new Logger(options.service).log({ schema: options.schema, applied }, applied.length ? 'migrations applied' : 'schema up to date');
    return applied;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
