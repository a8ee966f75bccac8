import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { ReadinessCheck } from '../health/readiness-check';

/** Injection token for the app's ioredis client (its key prefix applied). */
export const REDIS = Symbol('REDIS');

export interface RedisOptions {
  readonly url: string;
  /** `<app>:` in production; tests add a run- or test-specific prefix. */
  readonly keyPrefix: string;
}

export function createRedisClient(options: RedisOptions): Redis {
  return new Redis(options.url, { keyPrefix: options.keyPrefix, maxRetriesPerRequest: 3, enableReadyCheck: true, lazyConnect: false });
}

@Injectable()
export class RedisReadinessCheck implements ReadinessCheck {
  readonly name = 'redis';

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async check(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`connection is ${this.redis.status}`);
    await this.redis.ping();
  }
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

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
