import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import { Pool } from 'pg';
import type { CodeInventoryConfig } from '../config/env.schema';

/** Injection token for the raw `pg` pool: COPY streams and named prepared statements, which TypeORM does not offer. */
export const PG_POOL = Symbol('PG_POOL');

export const CODE_INVENTORY_SCHEMA_NAME = 'code_inventory';

export const pgPoolProvider: Provider = {
  provide: PG_POOL,
  inject: [APP_CONFIG],
  useFactory: (config: CodeInventoryConfig) =>
    new Pool({
      connectionString: config.PG_URL,
      max: config.PG_POOL_SIZE,
      application_name: 'code-inventory',
      options: `-c search_path=${CODE_INVENTORY_SCHEMA_NAME}`,
    }),
};

@Injectable()
export class PgPoolShutdown implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
