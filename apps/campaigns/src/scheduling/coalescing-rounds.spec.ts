import { CoalescingRounds } from './coalescing-rounds';

describe('CoalescingRounds', () => {
  it('runs one more round for any number of requests made during a round, never two at once', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let rounds = 0;
    let release: () => void = () => undefined;
    const firstRound = new Promise<void>((resolve) => (release = resolve));
    const runner = new CoalescingRounds(async () => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      rounds += 1;
      if (rounds === 1) await firstRound;
      concurrent -= 1;
    }, () => undefined);
    runner.request();
    runner.request();
    runner.request();
    release();
    await runner.stop().then(() => undefined);
    expect(maxConcurrent).toBe(1);
    expect(rounds).toBeLessThanOrEqual(2);
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
