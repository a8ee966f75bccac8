import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures, lets one trial through once open time has passed, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1_000, () => now);
    breaker.recordUnavailable();
    breaker.recordUnavailable();
    expect(breaker.admit()).toBe('pass');
    breaker.recordUnavailable();
    expect(breaker.admit()).toBe('refuse');
    now = 999;
    expect(breaker.admit()).toBe('refuse');
    now = 1_000;
    expect(breaker.admit()).toBe('trial');
    expect(breaker.admit()).toBe('refuse'); // one trial at a time
    breaker.recordAnswered();
    expect(breaker.admit()).toBe('pass');
  });

  it('reopens when the trial fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 500, () => now);
    breaker.recordUnavailable();
    now = 500;
    expect(breaker.admit()).toBe('trial');
    breaker.recordUnavailable();
    expect(breaker.admit()).toBe('refuse');
    now = 1_000;
    expect(breaker.admit()).toBe('trial');
  });

  it('counts only consecutive failures: an answer in between starts again', () => {
    const breaker = new CircuitBreaker(2, 1_000, () => 0);
    breaker.recordUnavailable();
    breaker.recordAnswered();
    breaker.recordUnavailable();
    expect(breaker.isOpen).toBe(false);
    expect(breaker.admit()).toBe('pass');
  });
});
