import { UnrecoverableEventError } from './event-handler';
import { backoffMs, classifyFailure, DEFAULT_RETRY_POLICY } from './retry-policy';

describe('classifyFailure', () => {
  it('dead-letters an unrecoverable error at once', () => {
    expect(classifyFailure(new UnrecoverableEventError('bad invariant'))).toBe('unrecoverable');
  });

  it('waits out connection loss and serialization conflicts', () => {
    expect(classifyFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('infrastructure');
    expect(classifyFailure(Object.assign(new Error('x'), { code: '40001' }))).toBe('infrastructure');
    expect(classifyFailure(Object.assign(new Error('x'), { code: '08006' }))).toBe('infrastructure');
  });

  it('waits out an error that says it is retriable (a store being rebuilt, a broker settling), and only that one', () => {
    class StoreRebuildingError extends Error {
      readonly retriable = true;
    }
    expect(classifyFailure(new StoreRebuildingError('counters fenced'))).toBe('infrastructure');
    expect(classifyFailure(Object.assign(new Error('not the leader'), { name: 'KafkaJSProtocolError', retriable: true }))).toBe('infrastructure');
    expect(classifyFailure(Object.assign(new Error('bad request'), { retriable: false }))).toBe('handler');
  });

  it('retries anything else a bounded number of times', () => {
    expect(classifyFailure(new Error('handler bug'))).toBe('handler');
  });
});

describe('backoffMs', () => {
  it('doubles per attempt between half and all of the ceiling, capped', () => {
    expect(backoffMs(DEFAULT_RETRY_POLICY, 1, () => 0)).toBe(50);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 1, () => 1)).toBe(100);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 3, () => 1)).toBe(400);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 20, () => 1)).toBe(5_000);
  });
});
