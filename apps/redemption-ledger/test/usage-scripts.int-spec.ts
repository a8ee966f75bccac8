import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { UsageScripts, type UseRequest } from '../src/usage/usage-scripts';
import { deleteLedgerKeys } from './support/ledger-test-env';

describe('the usage Lua scripts on a real Redis', () => {
  let redis: Redis;
  let scripts: UsageScripts;
  let registry: Registry;
  const promotionId = 'p-lua';
  const use = (holdId: string, extra: Partial<UseRequest> = {}): UseRequest => ({ promotionId, codeKey: 'code-a', customerId: 'cu-1', holdId, units: 1, ...extra });

  beforeEach(async () => {
    redis = new Redis(testInfra().redisUrl, { keyPrefix: `${testInfra().redisKeyPrefix}lua-${uniqueSuffix()}:redemption-ledger:` });
    registry = new Registry();
    scripts = new UsageScripts(redis, registry, { LEDGER_REDIS_WAIT_TIMEOUT_MS: 1_000 });
    expect(await scripts.setLimits(promotionId, { total: 3, perCode: 2, perCustomer: 1, unit: 'item', isDeleted: false, version: 1 }, true)).toBe('ok');
  });

  afterEach(async () => {
    await deleteLedgerKeys(redis);
    await redis.quit();
  });

  describe('reserveUsage', () => {
    it('refuses the use beyond the per-customer limit and leaves the counters as they were', async () => {
      expect(await scripts.reserve(use('h1'), 2_000, 'f')).toEqual({ kind: 'taken', units: 1 });
      expect(await scripts.reserve(use('h2'), 2_000, 'f')).toEqual({ kind: 'refused', reason: 'customer_limit_reached', limit: 1 });
      expect(await redis.mget('usage:{p-lua}:total', 'usage:{p-lua}:code:code-a', 'usage:{p-lua}:customer:cu-1')).toEqual(['1', '1', '1']);
    });

    it('checks the total before the code and the code before the customer, counting one order per customer (#19.5)', async () => {
      expect(await scripts.reserve(use('h1', { customerId: 'cu-1', units: 2 }), 2_000, 'f')).toEqual({ kind: 'taken', units: 2 });
      expect(await scripts.reserve(use('h2', { customerId: 'cu-1', codeKey: 'code-b' }), 2_000, 'f')).toEqual({ kind: 'refused', reason: 'customer_limit_reached', limit: 1 });
      expect(await scripts.reserve(use('h3', { customerId: 'cu-2' }), 2_000, 'f')).toEqual({ kind: 'refused', reason: 'code_limit_reached', limit: 2 });
      expect(await scripts.reserve(use('h4', { customerId: 'cu-3', codeKey: 'code-b', units: 2 }), 2_000, 'f')).toEqual({ kind: 'refused', reason: 'total_limit_reached', limit: 3 });
      expect(await redis.mget('usage:{p-lua}:total', 'usage:{p-lua}:code:code-a', 'usage:{p-lua}:customer:cu-1')).toEqual(['2', '2', '1']);
      expect(await scripts.release(use('h1'), 'release', 1_000)).toEqual({ kind: 'released', units: 2 });
      expect(await redis.mget('usage:{p-lua}:total', 'usage:{p-lua}:code:code-a', 'usage:{p-lua}:customer:cu-1')).toEqual(['0', '0', '0']);
    });

    it('answers a replayed hold with what it holds instead of taking it twice', async () => {
      await scripts.reserve(use('h1'), 2_000, 'f');
      expect(await scripts.reserve(use('h1'), 2_000, 'f')).toEqual({ kind: 'exists', state: 'reserved', fingerprint: 'f', units: 1 });
      expect(await redis.get('usage:{p-lua}:total')).toBe('1');
    });

    it('answers not_loaded when the promotion’s limits are missing', async () => {
      await redis.del('usage:{p-lua}:limits');
      expect(await scripts.reserve(use('h1'), 2_000, 'f')).toEqual({ kind: 'not_loaded' });
      expect(await scripts.setLimits(promotionId, { total: 3, perCode: 2, perCustomer: 1, unit: 'item', isDeleted: false, version: 2 }, false)).toBe('not_loaded');
    });
  });

  describe('the rebuild fence (L3 at N replicas)', () => {
    it('makes reserve, commit and release answer rebuilding and change nothing while a rebuild fences the promotion', async () => {
      expect(await scripts.reserve(use('h1'), 2_000, 'f')).toEqual({ kind: 'taken', units: 1 });
      await redis.hset('usage:{p-lua}:limits', 'fence', 'epoch-1');
      expect(await scripts.reserve(use('h2', { customerId: 'cu-2' }), 2_000, 'f')).toEqual({ kind: 'rebuilding' });
      expect(await scripts.commit(use('h1'))).toEqual({ kind: 'rebuilding' });
      expect(await scripts.release(use('h1'), 'release', 1_000)).toEqual({ kind: 'rebuilding' });
      expect(await scripts.setLimits(promotionId, { total: 3, perCode: 2, perCustomer: 1, unit: 'item', isDeleted: false, version: 2 }, true)).toBe('not_loaded');
      expect(await redis.mget('usage:{p-lua}:total', 'usage:{p-lua}:customer:cu-2')).toEqual(['1', null]);
      expect(await redis.hget('usage:{p-lua}:hold:h1', 'state')).toBe('reserved');
    });

    it('fences a promotion whose limits were lost too: a fence-only hash answers rebuilding, not not_loaded', async () => {
      await redis.del('usage:{p-lua}:limits');
      await redis.hset('usage:{p-lua}:limits', 'fence', 'epoch-1');
      expect(await scripts.reserve(use('h1'), 2_000, 'f')).toEqual({ kind: 'rebuilding' });
    });
  });

  describe('commitUsage', () => {
    it('commits a reserved hold without taking a second use, and takes a use without a hold under the limits', async () => {
      await scripts.reserve(use('h1'), 2_000, 'f');
      expect(await scripts.commit(use('h1'))).toEqual({ kind: 'taken', units: 1 });
      expect(await scripts.commit(use('h1'))).toEqual({ kind: 'taken', units: 1 });
      expect(await redis.get('usage:{p-lua}:total')).toBe('1');
      expect(await scripts.commit(use('o1', { customerId: 'cu-9' }))).toEqual({ kind: 'taken', units: 1 });
      expect(await scripts.commit(use('o2', { customerId: 'cu-8' }))).toEqual({ kind: 'refused', reason: 'code_limit_reached', limit: 2 });
    });
  });

  describe('releaseUsage', () => {
    it('expires a reservation only once it is due, and never a committed one', async () => {
      await scripts.reserve(use('h1'), 2_000, 'f');
      expect(await scripts.release(use('h1'), 'expire', 1_999)).toEqual({ kind: 'kept', state: 'reserved' });
      expect(await scripts.release(use('h1'), 'expire', 2_000)).toEqual({ kind: 'released', units: 1 });
      expect(await scripts.release(use('h1'), 'expire', 2_000)).toEqual({ kind: 'missing' });
      await scripts.reserve(use('h2'), 2_000, 'f');
      await scripts.commit(use('h2'));
      expect(await scripts.release(use('h2'), 'expire', 9_999)).toEqual({ kind: 'kept', state: 'committed' });
      expect(await scripts.release(use('h2'), 'release', 9_999)).toEqual({ kind: 'kept', state: 'committed' });
      expect(await redis.zcard('usage:{p-lua}:expiries')).toBe(0);
    });

    it('reverses a committed use once, giving back every counter', async () => {
      await scripts.commit(use('o1', { units: 1 }));
      expect(await scripts.release(use('o1'), 'reverse', 0)).toEqual({ kind: 'released', units: 1 });
      expect(await scripts.release(use('o1'), 'reverse', 0)).toEqual({ kind: 'missing' });
      expect(await redis.mget('usage:{p-lua}:total', 'usage:{p-lua}:code:code-a', 'usage:{p-lua}:customer:cu-1')).toEqual(['0', '0', '0']);
    });
  });

  describe('script latency (X4)', () => {
    it('times every script call by script and outcome in redis_script_duration_seconds', async () => {
      await scripts.reserve(use('h1'), 2_000, 'f');
      await scripts.reserve(use('h2'), 2_000, 'f');
      await scripts.commit(use('h1'));
      await scripts.release(use('h2'), 'release', 0);
      const text = await registry.metrics();
      expect(text).toContain('redis_script_duration_seconds_count{script="set-limits",outcome="ok"} 1');
      expect(text).toContain('redis_script_duration_seconds_count{script="reserve-usage",outcome="ok"} 2');
      expect(text).toContain('redis_script_duration_seconds_count{script="commit-usage",outcome="ok"} 1');
      expect(text).toContain('redis_script_duration_seconds_count{script="release-usage",outcome="ok"} 1');
    });
  });
});
