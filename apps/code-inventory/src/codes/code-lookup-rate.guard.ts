import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CanActivate, type ExecutionContext, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { API_KEY_STORE, type ApiKeyStore, APP_CONFIG, DomainError, hashApiKey, type HttpReply, type HttpRequest, REDIS, type RedisClient } from '@promo/platform';
import type { CodeInventoryConfig } from '../config/env.schema';

const COUNT_LOOKUP_SCRIPT = readFileSync(join(__dirname, 'lua', 'count-lookup.lua'), 'utf8');

interface CountLookupCommand {
  countLookup(counterKey: string, limit: number, windowMs: number): Promise<[number, number]>;
}

function hasCommand(redis: RedisClient): redis is RedisClient & CountLookupCommand {
  return 'countLookup' in redis && typeof redis.countLookup === 'function';
}

export class CodeLookupRateLimitedError extends DomainError {
  readonly status = 429;
  readonly reason = 'rate_limited';
}

/**
 * Bounds code guessing (#19): lookups per API key and per client address in a fixed window, counted in Redis
 * (count-lookup.lua) so the bound holds across replicas. Past either limit: 429 with Retry-After. Runs after
 * the key guard, so only keys that may look codes up are counted. Only storefront keys are: pricing's
 * code-lookup key answers for every shopper of the store from a few addresses, so counting it here would let
 * one flood of unknown codes make every shopper's bulk codes unavailable (README "What bounds code guessing").
 */
@Injectable()
export class CodeLookupRateGuard implements CanActivate, OnModuleInit {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: CodeInventoryConfig,
    @Inject(API_KEY_STORE) private readonly keys: ApiKeyStore,
  ) {}

  onModuleInit(): void {
    if (!hasCommand(this.redis)) this.redis.defineCommand('countLookup', { numberOfKeys: 1, lua: COUNT_LOOKUP_SCRIPT });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    if (this.keys.scopeOf(presentedKey(request)) !== 'storefront') return true;
    const redis = this.redis;
    if (!hasCommand(redis)) throw new Error('countLookup is not defined on the Redis client');
    const windowMs = this.config.CODE_LOOKUP_LIMIT_WINDOW_MS;
    // The key is hashed: a raw key never becomes part of a Redis key name.
    const [byKey, byClient] = await Promise.all([
      redis.countLookup(`lookup-rate:key:{${hashApiKey(presentedKey(request))}}`, this.config.CODE_LOOKUP_LIMIT_PER_KEY, windowMs),
      redis.countLookup(`lookup-rate:client:{${request.socket.remoteAddress ?? 'unknown'}}`, this.config.CODE_LOOKUP_LIMIT_PER_CLIENT, windowMs),
    ]);
    const refused = [byKey, byClient].filter(([isWithin]) => isWithin === 0);
    if (refused.length === 0) return true;
    const waitMs = Math.max(...refused.map(([, remainingMs]) => remainingMs));
    http.getResponse<HttpReply>().header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new CodeLookupRateLimitedError(`too many code lookups: try again in ${Math.max(1, Math.ceil(waitMs / 1000))} s`);
  }
}

/** The key the key guard accepted (x-api-key or a bearer token). */
function presentedKey(request: HttpRequest): string {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
}
