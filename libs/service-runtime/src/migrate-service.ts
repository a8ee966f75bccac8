import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { runMigrations } from '@promo/persistence';
import { type CommonEnv, JsonLogger, migrateApiKeyTable, parseEnv } from '@promo/platform';
import { serviceDataSourceOptions, type ServiceCoreOptions } from './service-core.module';

/**
 * The `migrate` command of a service: validates the environment, applies pending migrations, says which,
 * and makes sure the shared `platform.api_keys` table (libs/platform, `npm run keys`) exists.
 */
export async function migrateService<TSchema extends z.ZodType<CommonEnv, z.ZodTypeDef, unknown>>(
  options: Omit<ServiceCoreOptions<z.infer<TSchema>>, 'config' | 'handlers' | 'publishes' | 'clock'> & {
    readonly envSchema: TSchema;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): Promise<readonly string[]> {
  const config = parseEnv(options.envSchema, options.env);
  Logger.overrideLogger(JsonLogger.forService(options.service, config.LOG_LEVEL));
  const dataSource = new DataSource(serviceDataSourceOptions({ ...options, config }));
  try {
    const applied = await runMigrations(dataSource, options.schema);
    await migratePlatformSchema(config.PG_URL);
    new Logger(options.service).log({ schema: options.schema, applied }, applied.length ? 'migrations applied' : 'schema up to date');
    return applied;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

async function migratePlatformSchema(pgUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: pgUrl, max: 1 });
  try {
    await migrateApiKeyTable(pool);
  } finally {
    await pool.end();
  }
}
