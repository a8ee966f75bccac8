import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Registry } from 'prom-client';
import { testInfra, uniqueSuffix } from '../testing';
import { registerQueueMetrics } from './queue.metrics';
import { RedisScriptMetrics } from './redis-script.metrics';

describe('BullMQ queue and Lua script metrics against a real Redis', () => {
  const infra = testInfra();
  const prefix = `${infra.redisKeyPrefix}queue-metrics-${uniqueSuffix()}`;
  let queue: Queue;
  let redis: Redis;

  beforeAll(() => {
    queue = new Queue('emails', { connection: { url: infra.redisUrl }, prefix });
    redis = new Redis(infra.redisUrl, { keyPrefix: `${prefix}:` });
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });

  it('reports waiting and delayed jobs per queue, and the age of the oldest waiting one by the clock', async () => {
    await queue.add('a', { n: 1 }, { timestamp: Date.parse('2026-11-25T12:00:00Z') });
    await queue.add('b', { n: 2 });
    await queue.add('c', { n: 3 }, { delay: 60_000 });
    const registry = new Registry();
    registerQueueMetrics(registry, [queue], { now: () => new Date('2026-11-25T12:00:30Z') });
    const text = await registry.metrics();
    expect(text).toContain('bullmq_queue_jobs{queue="emails",state="waiting"} 2');
    expect(text).toContain('bullmq_queue_jobs{queue="emails",state="delayed"} 1');
    expect(text).toContain('bullmq_queue_jobs{queue="emails",state="active"} 0');
    expect(text).toContain('bullmq_queue_oldest_waiting_seconds{queue="emails"} 30');
  });

  it('times each Lua script call by outcome and rethrows failures', async () => {
    const registry = new Registry();
    const scripts = new RedisScriptMetrics(registry);
    redis.defineCommand('incrTwice', { numberOfKeys: 1, lua: "redis.call('INCR', KEYS[1]); return redis.call('INCR', KEYS[1])" });
    const call = () => (redis as unknown as { incrTwice(key: string): Promise<number> }).incrTwice('counter');
    expect(await scripts.time('incr-twice', call)).toBe(2);
    await expect(scripts.time('incr-twice', () => redis.eval('return redis.error_reply("boom")', 0))).rejects.toThrow('boom');
    const text = await registry.metrics();
    expect(text).toContain('redis_script_duration_seconds_count{script="incr-twice",outcome="ok"} 1');
    expect(text).toContain('redis_script_duration_seconds_count{script="incr-twice",outcome="error"} 1');
  });
});
