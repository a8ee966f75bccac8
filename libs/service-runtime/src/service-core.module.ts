import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { OutboundEventType } from '@promo/contracts';
import { type AnyEventHandler, KafkaReadinessCheck, MessagingModule } from '@promo/messaging';
import { type AppDataSourceOptions, appDataSourceOptions, PostgresReadinessCheck } from '@promo/persistence';
import { type ApiDocSchemas, type Clock, type CommonEnv, HealthModule, PlatformModule, type ReadinessCheck, RedisModule, RedisReadinessCheck } from '@promo/platform';

export interface ServiceCoreOptions<TConfig extends CommonEnv> {
  /** The app's name: logs, consumer group, Redis prefix (`<app>:`), dead-letter infix. */
  readonly service: string;
  /** The app's Postgres schema (STYLE.md §1). */
  readonly schema: string;
  readonly config: TConfig;
  readonly entities?: AppDataSourceOptions['entities'];
  readonly migrations: AppDataSourceOptions['migrations'];
  readonly handlers?: readonly Type<AnyEventHandler>[];
  readonly publishes?: readonly OutboundEventType[];
  /** The Kafka consumer group when it must differ from `service` (default: the service name). */
  readonly consumerGroup?: string;
  /** Partitions the app's consumer handles at once (default 1: see EventConsumerOptions). */
  readonly partitionsConsumedConcurrently?: number;
  readonly clock?: Clock;
  /** The app's own readiness checks, beside Postgres, Redis and Kafka (each provided by a global module of the app). */
  readonly readinessChecks?: readonly Type<ReadinessCheck>[];
  /** Named schemas for the OpenAPI document's components (PlatformModuleOptions). */
  readonly apiDocSchemas?: ApiDocSchemas;
}

/**
 * What every service is made of: config, clock, logs, metrics and API keys (platform), its Postgres
 * schema, Redis with its key prefix, Kafka with its consumer and outbox, and `/health` ready only when
 * Postgres, Redis and Kafka answer.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot<TConfig extends CommonEnv>(options: ServiceCoreOptions<TConfig>): DynamicModule {
    const { config } = options;
    return {
      module: ServiceCoreModule,
      imports: [
        PlatformModule.forRoot({ service: options.service, config, ...(options.clock ? { clock: options.clock } : {}), ...(options.apiDocSchemas ? { apiDocSchemas: options.apiDocSchemas } : {}) }),
        TypeOrmModule.forRoot({ ...serviceDataSourceOptions(options), manualInitialization: false }),
        RedisModule.forRoot({ url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES, keyPrefix: `${config.REDIS_KEY_PREFIX}${options.service}:` }),
        MessagingModule.forRoot({
          app: options.service,
          ...(options.consumerGroup ? { groupId: options.consumerGroup } : {}),
          brokers: config.KAFKA_BROKERS,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          partitions: config.KAFKA_TOPIC_PARTITIONS,
          ...(options.partitionsConsumedConcurrently === undefined ? {} : { partitionsConsumedConcurrently: options.partitionsConsumedConcurrently }),
          handlers: options.handlers ?? [],
          publishes: options.publishes ?? [],
        }),
        HealthModule.forRoot([PostgresReadinessCheck, RedisReadinessCheck, KafkaReadinessCheck, ...(options.readinessChecks ?? [])], [PostgresReadinessCheck]),
      ],
    };
  }
}

/** The TypeORM options of one service, shared by the running app and its migration command. */
export function serviceDataSourceOptions(options: Pick<ServiceCoreOptions<CommonEnv>, 'service' | 'schema' | 'config' | 'entities' | 'migrations'>) {
  return appDataSourceOptions({
    url: options.config.PG_URL,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations,
    poolSize: options.config.PG_POOL_SIZE,
    applicationName: options.service,
  });
}
