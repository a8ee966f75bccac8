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
