import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the task every interval after the previous run settled, and not after stop', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = new PeriodicTask(100, () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    task.start();
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
    // The first run is still in flight: no second one starts.
    await jest.advanceTimersByTimeAsync(500);
    expect(runs).toBe(1);
    release();
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    task.stop();
    release();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
  });

  it('keeps running after a run fails', async () => {
    let runs = 0;
    const task = new PeriodicTask(50, async () => {
      runs += 1;
      throw new Error('boom');
    });
    task.start();
    await jest.advanceTimersByTimeAsync(160);
    expect(runs).toBe(3);
    task.stop();
  });
});

describe('PeriodicTask.stop', () => {
  it('resolves only after the run in flight has settled', async () => {
    let release: () => void = () => undefined;
    let settled = false;
    const task = new PeriodicTask(10, () => new Promise<void>((resolve) => (release = resolve)).then(() => void (settled = true)));
    task.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(settled).toBe(true);
  });
});
