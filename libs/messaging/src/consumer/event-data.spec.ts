import type { CloudEvent } from '@promo/contracts';
import { eventData } from './event-data';
import { UnrecoverableEventError } from './event-handler';

const event = (type: string, data: unknown): CloudEvent => ({ specversion: '1.0', id: 'e-1', source: 'test', type, time: '2026-11-25T12:00:00Z', datacontenttype: 'application/json', data });

describe('eventData', () => {
  const inactive = { customerId: 'cu-1', daysInactive: 120, detectedAt: '2026-11-25T12:00:00Z' };

  it('answers the data of an upstream or outbound event whose type and data fit the contract', () => {
    expect(eventData(event('customer.inactive', inactive), 'customer.inactive')).toBe(inactive);
    const reversed = { orderId: 'o-1', promotionId: 'p-1', code: null, customerId: null, units: 1, reversedAt: '2026-11-25T12:00:00Z' };
    expect(eventData(event('redemption.reversed', reversed), 'redemption.reversed')).toBe(reversed);
  });

  it('refuses another type or data that does not fit, as unrecoverable', () => {
    expect(() => eventData(event('cart.updated', inactive), 'customer.inactive')).toThrow(UnrecoverableEventError);
    expect(() => eventData(event('customer.inactive', { ...inactive, daysInactive: 'many' }), 'customer.inactive')).toThrow(UnrecoverableEventError);
  });
});
