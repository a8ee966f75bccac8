import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadinessCheck } from '../health/readiness-check';
import { createRedisConnection, type RedisClient, type RedisConnectionOptions } from './redis-connection';

/** Injection token for the app's ioredis client (its key prefix applied): one Redis or a Redis Cluster. */
export const REDIS = Symbol('REDIS');

export interface RedisOptions extends RedisConnectionOptions {
  /** `<app>:` in production; tests add a run- or test-specific prefix. */
  readonly keyPrefix: string;
}

export function createRedisClient(options: RedisOptions): RedisClient {
  return createRedisConnection(options, { keyPrefix: options.keyPrefix, maxRetriesPerRequest: 3 });
}

@Injectable()
export class RedisReadinessCheck implements ReadinessCheck {
  readonly name = 'redis';

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async check(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`connection is ${this.redis.status}`);
    await this.redis.ping();
  }
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit();
  }
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(options: RedisOptions): DynamicModule {
    return {
      module: RedisModule,
      providers: [{ provide: REDIS, useFactory: () => createRedisClient(options) }, RedisReadinessCheck, RedisShutdown],
      exports: [REDIS, RedisReadinessCheck],
    };
  }
}
