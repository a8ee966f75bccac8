import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, METRICS_REGISTRY, REDIS, type RedisClient, RedisScriptMetrics } from '@promo/platform';
import type { ClientContext, Result } from 'ioredis';
import type { Registry } from 'prom-client';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { ReplicaAcknowledgements } from './redis-replication';
import { guardedRedisCall } from './usage-store-unavailable';
import { promotionTag, type UseTarget, usageKeys } from './usage-keys';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    ledgerReserveUsage(...keysAndArgs: string[]): Result<unknown, Context>;
    ledgerCommitUsage(...keysAndArgs: string[]): Result<unknown, Context>;
    ledgerReleaseUsage(...keysAndArgs: string[]): Result<unknown, Context>;
    ledgerSetLimits(...keysAndArgs: string[]): Result<unknown, Context>;
  }
}

export type LimitReason = 'total_limit_reached' | 'code_limit_reached' | 'budget_exhausted' | 'budget_currency_mismatch' | 'customer_limit_reached';

/** What reserve-usage and commit-usage answer. */
export type TakeOutcome =
  | { readonly kind: 'taken'; readonly units: number }
  | { readonly kind: 'exists'; readonly state: string; readonly fingerprint: string; readonly units: number }
  | { readonly kind: 'refused'; readonly reason: LimitReason; readonly limit: number }
  | { readonly kind: 'unknown_promotion' }
  | { readonly kind: 'discount_required' }
  | { readonly kind: 'not_loaded' }
  | { readonly kind: 'rebuilding' };

export type ReleaseOutcome =
  | { readonly kind: 'released'; readonly units: number }
  | { readonly kind: 'kept'; readonly state: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'not_loaded' }
  | { readonly kind: 'rebuilding' };

export type ReleaseMode = 'release' | 'expire' | 'reverse';

/** #23: the discount a use takes from its promotion's budget; null when the caller does not say (refused on a budgeted promotion). */
export interface UseDiscount {
  /** Minor units. */
  readonly discountAmount?: number | null;
  readonly currency?: string | null;
}

export interface UseRequest extends UseTarget, UseDiscount {
  readonly units: number;
}

/** A use to commit: `units` and the discount as the order states them, null when it does not. */
export interface CommitRequest extends UseTarget, UseDiscount {
  readonly units: number | null;
}

/**
 * A usage step found the counters missing (L3: a rebuild is triggered) or fenced by a rebuild running on
 * some replica. Waiting fixes both, so it is `retriable`: a consumer retries the event for as long as the rebuild
 * takes instead of dead-lettering an order after its few handler retries.
 */
export class UsageRebuildingError extends Error {
  readonly retriable = true;
}

/** Limits as the scripts read them: -1 is "no limit". */
export interface RedisLimits {
  readonly total: number;
  readonly perCode: number;
  readonly perCustomer: number;
  readonly unit: 'cart' | 'item';
  readonly isDeleted: boolean;
  readonly version: number;
  /** #23: the total discount budget in minor units, -1 for none, and its currency ('' when none). */
  readonly budget?: number;
  readonly budgetCurrency?: string;
  /** The promotion's shared codes, normalized; any other code is a group code (single-use by default, #19.2). Absent or null: not known, all shared. */
  readonly sharedCodes?: readonly string[] | null;
}

const LUA_DIR = path.join(__dirname, 'lua');
const SCRIPTS = [
  { command: 'ledgerReserveUsage', file: 'reserve-usage.lua', numberOfKeys: 7 },
  { command: 'ledgerCommitUsage', file: 'commit-usage.lua', numberOfKeys: 7 },
  { command: 'ledgerReleaseUsage', file: 'release-usage.lua', numberOfKeys: 7 },
  { command: 'ledgerSetLimits', file: 'set-limits.lua', numberOfKeys: 1 },
] as const;

/** The field a rebuild sets in every promotion's limits hash while it rewrites Redis (lua/includes/check-fence.lua). */
export const FENCE_FIELD = 'fence';

/** A script's source with its `--- @include "name"` lines replaced by `includes/<name>.lua` (BullMQ's layout). */
export function loadLuaScript(file: string): string {
  return readFileSync(path.join(LUA_DIR, file), 'utf8').replace(/^--- @include "([a-z-]+)"$/gm, (_line, name: string) =>
    readFileSync(path.join(LUA_DIR, 'includes', `${name}.lua`), 'utf8'),
  );
}

/** Defines the ledger's Lua commands on a client once (EVALSHA after the first call). */
export function defineUsageCommands(redis: RedisClient): void {
  for (const script of SCRIPTS) {
    redis.defineCommand(script.command, { numberOfKeys: script.numberOfKeys, lua: loadLuaScript(script.file) });
  }
}

/** The typed wrappers of the usage scripts (src/usage/lua): each atomic step is one script call. */
@Injectable()
export class UsageScripts {
  /** X4: `redis_script_duration_seconds{script,outcome}` around every script call. */
  private readonly latency: RedisScriptMetrics;
  /** #20: a usage step is answered once the replicas hold it (redis-replication.ts). */
  private readonly acknowledgements: ReplicaAcknowledgements;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(APP_CONFIG) config: Pick<RedemptionLedgerConfig, 'LEDGER_REDIS_WAIT_REPLICAS' | 'LEDGER_REDIS_WAIT_TIMEOUT_MS' | 'REDIS_CLUSTER_NODES'>,
  ) {
    defineUsageCommands(redis);
    this.latency = new RedisScriptMetrics(registry);
    this.acknowledgements = new ReplicaAcknowledgements(redis, config);
  }

  async reserve(use: UseRequest, expiresAtMs: number, fingerprint: string): Promise<TakeOutcome> {
    const reply = replyOf(await this.write('reserve-usage', use, () => this.redis.ledgerReserveUsage(...keysOf(use), use.holdId, String(use.units), use.codeKey ?? '', use.customerId ?? '', String(expiresAtMs), fingerprint, ...discountArgs(use))));
    return parseTake(reply);
  }

  /** `units`: what the order used (null when it does not say: a reservation's units stand, else 1); a reserved hold takes these (#19.5). */
  async commit(use: CommitRequest): Promise<TakeOutcome> {
    return parseCommit(replyOf(await this.write('commit-usage', use, () => this.redis.ledgerCommitUsage(...commitArgs(use)))));
  }

  /**
   * #21: commit() for many uses, answered in their order. The calls go out back to back without waiting
   * for each answer (pipelined): ioredis writes them on the connection of each slot's master in call order,
   * and Redis runs them in that order, each script still atomic. Then one WAIT per master touched, after all
   * of its writes: every use is answered only once the replicas hold it, as commit() answers one.
   */
  async commitMany(uses: readonly CommitRequest[]): Promise<TakeOutcome[]> {
    if (uses.length === 0) return [];
    const tags = [...new Set(uses.map((use) => promotionTag(use.promotionId)))];
    for (const tag of tags) this.acknowledgements.assertReplicated(tag);
    const replies = await Promise.all(uses.map((use) => this.run('commit-usage', () => this.redis.ledgerCommitUsage(...commitArgs(use)))));
    await this.acknowledgements.acknowledgedAll(tags);
    return replies.map((reply) => parseCommit(replyOf(reply)));
  }

  async release(use: UseTarget, mode: ReleaseMode, nowMs: number): Promise<ReleaseOutcome> {
    const reply = replyOf(await this.write('release-usage', use, () => this.redis.ledgerReleaseUsage(...keysOf(use), use.holdId, mode, String(nowMs))));
    switch (reply[0]) {
      case 'released':
        return { kind: 'released', units: numberAt(reply, 1) };
      case 'kept':
        return { kind: 'kept', state: String(reply[1]) };
      case 'missing':
        return { kind: 'missing' };
      case 'not_loaded':
        return { kind: 'not_loaded' };
      case 'rebuilding':
        return { kind: 'rebuilding' };
      default:
        throw new Error(`release-usage answered ${JSON.stringify(reply)}`);
    }
  }

  /** True when every hold is still in Redis with this fingerprint (no loss or rebuild since it was taken). */
  async areHeld(uses: readonly UseTarget[], fingerprint: string): Promise<boolean> {
    for (const use of uses) {
      const held = await guardedRedisCall(() => this.redis.hget(usageKeys(use).hold, 'fingerprint'));
      if (held !== fingerprint) return false;
    }
    return true;
  }

  async setLimits(promotionId: string, limits: RedisLimits, isNew: boolean): Promise<'ok' | 'stale' | 'not_loaded'> {
    const keys = usageKeys({ promotionId, codeKey: null, customerId: null, holdId: '-' });
    const reply = replyOf(await this.write('set-limits', { promotionId }, () => this.redis.ledgerSetLimits(keys.limits, ...limitArgs(limits), isNew ? '1' : '0', ...sharedCodeArgs(limits))));
    if (reply[0] === 'ok' || reply[0] === 'stale' || reply[0] === 'not_loaded') return reply[0];
    throw new Error(`set-limits answered ${JSON.stringify(reply)}`);
  }

  /** A script that writes: refused at once while its master lacks replicas, answered once they hold it (#20). */
  private async write(script: string, target: { readonly promotionId: string }, call: () => Promise<unknown>): Promise<unknown> {
    const key = promotionTag(target.promotionId);
    this.acknowledgements.assertReplicated(key);
    const reply = await this.run(script, call);
    await this.acknowledgements.acknowledged(key);
    return reply;
  }

  /** One timed, guarded script call; `script` is the Lua file's name without `.lua`. */
  private run(script: string, call: () => Promise<unknown>): Promise<unknown> {
    return this.latency.time(script, () => guardedRedisCall(call));
  }
}

/** The limits hash fields in the order set-limits takes them. */
export function limitArgs(limits: RedisLimits): string[] {
  return [String(limits.total), String(limits.perCode), String(limits.perCustomer), limits.unit, limits.isDeleted ? '1' : '0', String(limits.version), String(limits.budget ?? -1), limits.budgetCurrency ?? ''];
}

/** A use's discount and currency as the take scripts read them ("" when not said). */
function discountArgs(use: UseDiscount): [string, string] {
  return [use.discountAmount === null || use.discountAmount === undefined ? '' : String(use.discountAmount), use.currency ?? ''];
}

/** set-limits' ARGV from 10 on: "1" and the shared codes when they are known, else "0". */
export function sharedCodeArgs(limits: RedisLimits): string[] {
  return limits.sharedCodes === undefined || limits.sharedCodes === null ? ['0'] : ['1', ...limits.sharedCodes];
}

/** The limits hash fields naming the shared codes (what take-use reads to tell a group code, #19.2). */
export function sharedCodeFields(limits: RedisLimits): Record<string, string> {
  const fields: Record<string, string> = { codesKnown: sharedCodeArgs(limits)[0] ?? '0' };
  for (const code of limits.sharedCodes ?? []) fields[`${SHARED_CODE_FIELD_PREFIX}${code}`] = '1';
  return fields;
}

/** The prefix of a shared code's field in the limits hash (lua/set-limits.lua, lua/includes/take-use.lua). */
export const SHARED_CODE_FIELD_PREFIX = 'shared:';

function keysOf(use: UseTarget): string[] {
  const keys = usageKeys(use);
  return [keys.limits, keys.total, keys.code, keys.customer, keys.hold, keys.expiries, keys.budget];
}

function commitArgs(use: CommitRequest): string[] {
  return [...keysOf(use), use.holdId, use.units === null ? '' : String(use.units), use.codeKey ?? '', use.customerId ?? '', ...discountArgs(use)];
}

function parseCommit(reply: readonly unknown[]): TakeOutcome {
  if (reply[0] === 'committed' || reply[0] === 'exists') return { kind: 'taken', units: numberAt(reply, 1) };
  return parseTake(reply);
}

function replyOf(raw: unknown): readonly unknown[] {
  if (!Array.isArray(raw)) throw new Error(`a usage script answered ${JSON.stringify(raw)}`);
  const items: readonly unknown[] = raw;
  return items;
}

function numberAt(reply: readonly unknown[], index: number): number {
  const value = reply[index];
  if (typeof value !== 'number') throw new Error(`a usage script answered ${JSON.stringify(reply)}`);
  return value;
}

function parseTake(reply: readonly unknown[]): TakeOutcome {
  switch (reply[0]) {
    case 'ok':
      return { kind: 'taken', units: numberAt(reply, 1) };
    case 'exists':
      return { kind: 'exists', state: String(reply[1]), fingerprint: String(reply[2] ?? ''), units: numberAt(reply, 3) };
    case 'not_loaded':
      return { kind: 'not_loaded' };
    case 'rebuilding':
      return { kind: 'rebuilding' };
    case 'unknown_promotion':
      return { kind: 'unknown_promotion' };
    case 'discount_required':
      return { kind: 'discount_required' };
    case 'total_limit_reached':
    case 'code_limit_reached':
    case 'budget_exhausted':
    case 'budget_currency_mismatch':
    case 'customer_limit_reached':
      return { kind: 'refused', reason: reply[0], limit: numberAt(reply, 1) };
    default:
      throw new Error(`a usage script answered ${JSON.stringify(reply)}`);
  }
}
