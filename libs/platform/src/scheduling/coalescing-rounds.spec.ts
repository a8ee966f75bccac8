import { CoalescingRounds } from './coalescing-rounds';

describe('CoalescingRounds', () => {
  /** A round function that counts rounds and concurrency; the first round waits until released. */
  function countingRounds() {
    const seen = { rounds: 0, concurrent: 0, maxConcurrent: 0 };
    let release: () => void = () => undefined;
    const firstRound = new Promise<void>((resolve) => (release = resolve));
    const runner = new CoalescingRounds(async () => {
      seen.concurrent += 1;
      seen.maxConcurrent = Math.max(seen.maxConcurrent, seen.concurrent);
      seen.rounds += 1;
      if (seen.rounds === 1) await firstRound;
      seen.concurrent -= 1;
    }, () => undefined);
    return { runner, seen, release };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('runs exactly one more round for any number of requests made during a round, never two at once', async () => {
    const { runner, seen, release } = countingRounds();
    runner.request();
    runner.request();
    runner.request();
    runner.request();
    release();
    await settle();
    await settle();
    expect(seen).toEqual({ rounds: 2, concurrent: 0, maxConcurrent: 1 });
    // Idle again: the next request is one round of its own.
    runner.request();
    await settle();
    await runner.stop();
    expect(seen.rounds).toBe(3);
  });

  it('starts no round after stop, and stop waits for the round in progress', async () => {
    const { runner, seen, release } = countingRounds();
    runner.request();
    runner.request();
    const stopped = runner.stop();
    release();
    await stopped;
    expect(seen).toEqual({ rounds: 1, concurrent: 0, maxConcurrent: 1 });
    runner.request();
    await settle();
    expect(seen.rounds).toBe(1);
  });

  it('reports a failed round and keeps serving requests', async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const runner = new CoalescingRounds(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
    }, (error) => failures.push(error));
    runner.request();
    await new Promise((resolve) => setImmediate(resolve));
    runner.request();
    await new Promise((resolve) => setImmediate(resolve));
    await runner.stop();
    expect(failures).toHaveLength(1);
    expect(calls).toBe(2);
  });
});

describe('CoalescingRounds.request', () => {
  it('resolves once a round that started after the call has finished, not the round already running', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const releases: (() => void)[] = [];
    const runner = new CoalescingRounds(async () => {
      const round = started.length + 1;
      started.push(round);
      await new Promise<void>((resolve) => releases.push(resolve));
      finished.push(round);
    }, () => undefined);
    const first = runner.request();
    await new Promise((resolve) => setImmediate(resolve));
    // Round 1 is running: a request now must wait for round 2, which starts after it.
    let secondSettled = false;
    const second = runner.request().then(() => (secondSettled = true));
    releases[0]?.();
    await first;
    expect(finished).toEqual([1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2]);
    expect(secondSettled).toBe(false);
    releases[1]?.();
    await second;
    expect(finished).toEqual([1, 2]);
    await runner.stop();
  });

  it('releases a caller waiting when the runner stops, and answers at once after', async () => {
    let release: () => void = () => undefined;
    const runner = new CoalescingRounds(() => new Promise<void>((resolve) => (release = resolve)), () => undefined);
    void runner.request();
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = runner.request();
    const stopped = runner.stop();
    release();
    await stopped;
    await expect(waiting).resolves.toBeUndefined();
    await expect(runner.request()).resolves.toBeUndefined();
  });
});
