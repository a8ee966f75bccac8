import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './auth/api-key.guard';
import { API_KEY_STORE, HashedApiKeyStore } from './auth/api-key.store';
import { TableApiKeyStore } from './auth/table-api-key.store';
import { CLOCK, type Clock, EventTimeClock, SystemClock } from './clock/clock';
import { API_DOC_SCHEMAS, type ApiDocSchemas } from './docs/api-doc-schemas';
import { APP_CONFIG, SERVICE_NAME } from './config/app-config';
import type { CommonEnv } from './config/common-env.schema';
import { LoggingModule } from './logging/logger.module';
import { MetricsModule } from './metrics/metrics.module';

export interface PlatformModuleOptions<TConfig extends CommonEnv> {
  readonly service: string;
  readonly config: TConfig;
  /** Defaults to the system clock; tests and replays pass their own. */
  readonly clock?: Clock;
  /** Named schemas for the OpenAPI document's components (#24); none by default. */
  readonly apiDocSchemas?: ApiDocSchemas;
}

/** What every service has: typed config, the clock, JSON logs, metrics and the API-key guard on every route. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot<TConfig extends CommonEnv>(options: PlatformModuleOptions<TConfig>): DynamicModule {
    return {
      module: PlatformModule,
      imports: [LoggingModule.forRoot(options.service, options.config.LOG_LEVEL), MetricsModule],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: API_DOC_SCHEMAS, useValue: options.apiDocSchemas ?? {} },
        { provide: CLOCK, useValue: options.clock ?? clockFor(options.config) },
        {
          provide: API_KEY_STORE,
          useFactory: () => {
            const configured = HashedApiKeyStore.parse(options.config.API_KEYS);
            const refreshMs = options.config.API_KEYS_REFRESH_MS;
            return refreshMs === 0 ? configured : new TableApiKeyStore(configured, { pgUrl: options.config.PG_URL, refreshMs, service: options.service });
          },
        },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
      exports: [APP_CONFIG, SERVICE_NAME, API_DOC_SCHEMAS, CLOCK, API_KEY_STORE, MetricsModule],
    };
  }
}

function clockFor(config: CommonEnv): Clock {
  return config.CLOCK_MODE === 'event-time' ? new EventTimeClock(config.CLOCK_START ?? 0) : new SystemClock();
}
