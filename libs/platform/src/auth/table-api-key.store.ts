import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import type { ApiKeyScope } from './api-key-scope';
import { type ApiKeyStore, HashedApiKeyStore } from './api-key.store';
import { activeApiKeyHashes } from './api-key.table';
import { PeriodicTask } from '../scheduling/periodic-task';

/**
 * The guard's keys: those of API_KEYS (hashes in the environment) and those of `platform.api_keys`,
 * re-read every `refreshMs`. A key created or revoked with `npm run keys` takes effect within that bound
 * (plus one query). When the table cannot be read the last snapshot stays in force, so a database
 * blip locks nobody out; a key revoked meanwhile keeps working until the next successful read.
 */
export class TableApiKeyStore implements ApiKeyStore, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('api-keys');
  private readonly pool: Pool;
  private table = new HashedApiKeyStore([]);
  private readonly refresher: PeriodicTask;
  private isFailing = false;

  constructor(
    private readonly configured: ApiKeyStore,
    private readonly options: { readonly pgUrl: string; readonly refreshMs: number; readonly service: string },
  ) {
    this.pool = new Pool({ connectionString: options.pgUrl, max: 1, application_name: `${options.service}-api-keys`, connectionTimeoutMillis: 5_000 });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'api key pool connection failed'));
    this.refresher = new PeriodicTask(options.refreshMs, () => this.refresh());
  }

  scopeOf(presentedKey: string): ApiKeyScope | undefined {
    return this.configured.scopeOf(presentedKey) ?? this.table.scopeOf(presentedKey);
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.refresher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.refresher.stop(); // the pool ends after the refresh in flight, not under it
    await this.pool.end();
  }

  /** Re-reads the table now (tests; the timer does it every refreshMs). */
  async refresh(): Promise<void> {
    try {
      this.table = new HashedApiKeyStore(await activeApiKeyHashes(this.pool));
      if (this.isFailing) this.logger.log('api key table readable again');
      this.isFailing = false;
    } catch (error) {
      if (!this.isFailing) this.logger.warn({ err: error }, 'cannot read platform.api_keys; keeping the last keys (run the migrate command or npm run keys)');
      this.isFailing = true;
    }
  }
}
