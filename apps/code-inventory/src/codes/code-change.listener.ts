import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import { Client, type Notification } from 'pg';
import type { CodeInventoryConfig } from '../config/env.schema';
import { CODE_INVENTORY_SCHEMA_NAME } from '../database/pg-pool.provider';
import { CodeLookupCache } from './code-lookup.cache';

/** Sent by the triggers of migration NotifyLookupChanges1764100000000, after each writing commit. */
const CHANNEL = 'code_inventory_lookup';
const RECONNECT_MS = 1_000;

/**
 * Hears every change to codes and promotions on a connection of its own (LISTEN) and drops what it
 * touches from the lookup cache. While not listening (boot, a lost connection) the cache is off and
 * lookups read Postgres.
 */
@Injectable()
export class CodeChangeListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CodeChangeListener.name);
  private client: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private isStopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CodeInventoryConfig,
    private readonly cache: CodeLookupCache,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    clearTimeout(this.reconnect);
    this.cache.setLive(false);
    await this.client?.end();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.PG_URL, application_name: 'code-inventory-lookup-listener', options: `-c search_path=${CODE_INVENTORY_SCHEMA_NAME}` });
    this.client = client;
    client.on('notification', (message: Notification) => this.apply(message.payload ?? '*'));
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.cache.setLive(true);
    } catch (error) {
      this.lost(client, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private apply(payload: string): void {
    if (payload.startsWith('code:')) this.cache.forgetCode(payload.slice('code:'.length));
    else if (payload.startsWith('promotion:')) this.cache.forgetPromotion(payload.slice('promotion:'.length));
    else this.cache.forgetAll();
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return;
    this.cache.setLive(false);
    this.client = undefined;
    client.removeAllListeners();
    // The client is being discarded: its late errors change nothing, they are only noted.
    client.on('error', (late: Error) => this.logger.debug(`discarded listener: ${late.message}`));
    void client.end().catch((late: unknown) => this.logger.debug(`discarded listener did not end cleanly: ${String(late)}`));
    if (this.isStopping) return;
    this.logger.warn(`code change listener lost (${error.message}); lookups read Postgres until it is back`);
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
  }
}
