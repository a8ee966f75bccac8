import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hashApiKey } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { startSteadyHttpLoad } from './load/steady-http-load';
import { aCart, LonePricing } from './support/lone-pricing';

// #11 / X5: SIGTERM while pricing serves steady HTTP load and consumes a steady cart.updated feed. Every
// request sent before the signal gets a whole 2xx answer, the process exits 0 within SHUTDOWN_TIMEOUT_MS,
// it commits the offsets of what it answered, its outbox is empty, and a restarted process takes up the rest
// without answering anything twice: cart-priced records on Kafka == events sent, each once (#21: pricing
// publishes them directly, committing an input's offset only after the broker has its answer).
/** Events sent at least; the feed goes on until the first process has exited, then sends AFTER_EXIT_EVENTS more. */
const MIN_EVENTS = 600;
const AFTER_EXIT_EVENTS = 100;
const SIGTERM_AFTER_PROCESSED = 150;
const SHUTDOWN_TIMEOUT_MS = 20_000;
const STOREFRONT_KEY = `shutdown-storefront-${uniqueSuffix()}`;

describe('pricing stops gracefully under HTTP load and a Kafka feed', () => {
  let pricing: LonePricing;
  const processedCount = () => pricing.processedCount();
  const unpublishedCount = () => pricing.count(`SELECT count(*) AS n FROM outbox_messages WHERE published_at IS NULL`);
  const start = () => pricing.start();

  beforeAll(async () => {
    pricing = await LonePricing.create('shutdown', {
      KAFKA_TOPIC_PARTITIONS: '4',
      API_KEYS: `storefront:${hashApiKey(STOREFRONT_KEY)}`,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      LOG_LEVEL: 'info', // the shutdown's "offsets committed" line is at info
    });
  }, 120_000);

  afterAll(() => pricing.destroy(), 60_000);

  it('answers every request sent before SIGTERM, commits what it answered, flushes its outbox, and a restart loses and repeats nothing', async () => {
    const first = await start();
    const price = () => fetch(`${first.baseUrl}/v1/carts/price`, { method: 'POST', headers: { 'x-api-key': STOREFRONT_KEY, 'content-type': 'application/json' }, body: JSON.stringify(aCart(`http-${randomUUID()}`)) });
    const load = startSteadyHttpLoad({ concurrency: 8, send: price });
    // The feed goes on through the shutdown and past the first process's exit (however fast it consumes):
    // what the first process does not take, the second must.
    let firstExited = false;
    const feed = (async (): Promise<number> => {
      const send = (n: number): Promise<void> => pricing.send(n, n + 1);
      let n = 0;
      for (; n < MIN_EVENTS || !firstExited; n += 1) await send(n);
      for (let extra = 0; extra < AFTER_EXIT_EVENTS; extra += 1, n += 1) await send(n);
      return n;
    })();

    await waitFor(async () => (await processedCount()) >= SIGTERM_AFTER_PROCESSED, { timeoutMs: 60_000, description: `${SIGTERM_AFTER_PROCESSED} events processed` });
    const sigtermAt = performance.now();
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    firstExited = true;
    const shutdownMs = performance.now() - sigtermAt;
    const outcomes = await load.stop();
    const sent = await feed;
    await pricing.answersCollected();

    const beforeSigterm = outcomes.filter((o) => o.sentAt < sigtermAt);
    const failedBefore = beforeSigterm.filter((o) => o.status === null || o.status < 200 || o.status > 299 || !o.isComplete);
    const afterSigterm = outcomes.filter((o) => o.sentAt >= sigtermAt);
    const processedByFirst = await processedCount();
    process.stdout.write(
      `shutdown pricing exit=${String(exit.code)} in ${Math.round(shutdownMs)} ms; http before SIGTERM=${beforeSigterm.length} failed=${failedBefore.length}; ` +
        `after SIGTERM=${afterSigterm.length} (2xx=${afterSigterm.filter((o) => o.status !== null && o.status < 300).length}, refused or closed=${afterSigterm.filter((o) => o.status === null).length}); ` +
        `events sent=${sent} processed before exit=${processedByFirst}\n`,
    );
    // The process's last lines ride along, so a failed stop shows why.
    expect({ exit, tail: exit.code === 0 ? '' : first.output().slice(-4_000) }).toEqual({ exit: { code: 0, signal: null }, tail: '' });
    expect(shutdownMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(beforeSigterm.length).toBeGreaterThan(0);
    expect(failedBefore).toEqual([]);
    expect(afterSigterm.filter((o) => o.status !== null && o.status >= 500)).toEqual([]);
    expect(first.output()).toContain('consumer stopped with offsets committed; outbox flushed');

    expect(await unpublishedCount()).toBe(0);
    expect(processedByFirst).toBeLessThan(sent);
    // Every answer published so far is of a different event: nothing was answered twice before the exit.
    expect(pricing.publishedCount()).toBe(processedByFirst);

    const second = await start();
    await waitFor(async () => (await processedCount()) >= sent, { timeoutMs: 90_000, description: `all ${sent} events processed after the restart` });
    await waitFor(async () => (await unpublishedCount()) === 0, { timeoutMs: 30_000, description: 'the outbox relayed' });
    await pricing.answersCollected();
    expect(await processedCount()).toBe(sent);
    // The restart answered exactly what the first process had not committed: no event answered twice, none lost.
    expect(pricing.publishedCount()).toBe(sent);
    const { topic } = pricing;
    const metrics = await (await fetch(`${second.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`messaging_events_processed_total{topic="${topic}",outcome="processed"} ${sent - processedByFirst}`);
    expect(metrics).not.toMatch(new RegExp(`messaging_events_processed_total\\{topic="${topic.replace(/\./g, '\\.')}",outcome="duplicate"\\} [1-9]`));

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 300_000);
});
