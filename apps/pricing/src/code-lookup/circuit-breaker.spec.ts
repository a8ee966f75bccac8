import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures, lets one trial through once open time has passed, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1_000, () => now);
    breaker.failed();
    breaker.failed();
    expect(breaker.canPass()).toBe(true);
    breaker.failed();
    expect(breaker.canPass()).toBe(false);
    now = 999;
    expect(breaker.canPass()).toBe(false);
    now = 1_000;
    expect(breaker.canPass()).toBe(true);
    expect(breaker.canPass()).toBe(false); // one trial at a time
    breaker.succeeded();
    expect(breaker.canPass()).toBe(true);
  });

  it('reopens when the trial fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 500, () => now);
    breaker.failed();
    now = 500;
    expect(breaker.canPass()).toBe(true);
    breaker.failed();
    expect(breaker.canPass()).toBe(false);
    now = 1_000;
    expect(breaker.canPass()).toBe(true);
  });
});
