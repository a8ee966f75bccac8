import { OUTBOUND_EVENT_VERSIONS, type OutboundEventType } from './outbound-event.types';
import { outboundDataschema } from './outbound-event';
import { knownEventTypes, validateData } from '../schema-registry';

describe('outbound event contracts', () => {
  it('has a compiled schema for every outbound type', () => {
    for (const type of Object.keys(OUTBOUND_EVENT_VERSIONS)) expect(knownEventTypes()).toContain(type);
  });

  it('names each dataschema urn:promotions:<type>:v<n>', () => {
    expect(outboundDataschema('redemption.recorded', 1)).toBe('urn:promotions:redemption.recorded:v1');
    expect(() => outboundDataschema('Redemption Recorded', 1)).toThrow();
  });

  it('accepts a well-formed redemption.rejected and refuses an unknown reason', () => {
    const type: OutboundEventType = 'redemption.rejected';
    const data = { orderId: 'o1', promotionId: 'p1', code: 'VOLUME10', customerId: 'c1', units: 1, reason: 'total_limit_reached', rejectedAt: '2026-11-20T10:00:00Z' };
    expect(validateData(type, data)).toEqual([]);
    expect(validateData(type, { ...data, reason: 'because' })?.[0]?.instancePath).toBe('/reason');
  });

  it('accepts a chunk of added codes and refuses one of more than 500 or without codes', () => {
    const type: OutboundEventType = 'code-inventory.codes-added';
    const data = { promotionId: 'p1', groupId: 'G1', origin: 'generation', jobId: 'job-1', count: 2, codes: ['SUMMER-AB12', 'SUMMER-CD34'], addedAt: '2026-11-20T10:00:00Z' };
    expect(validateData(type, data)).toEqual([]);
    expect(validateData(type, { ...data, codes: [] })?.[0]?.instancePath).toBe('/codes');
    expect(validateData(type, { ...data, codes: Array.from({ length: 501 }, (_, index) => `C${index}`) })?.[0]?.instancePath).toBe('/codes');
    expect(validateData(type, { ...data, origin: 'import' })?.[0]?.instancePath).toBe('/origin');
  });
});
