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

  it('accepts a batch of added codes described by its id range (v2), and refuses codes inline or a malformed id', () => {
    const type: OutboundEventType = 'code-inventory.codes-added';
    expect(OUTBOUND_EVENT_VERSIONS[type]).toBe(2);
    const data = { promotionId: 'p1', groupId: 'G1', origin: 'generation', jobId: 'job-1', count: 100000, firstCodeId: '1200001', lastCodeId: '1300417', addedAt: '2026-11-20T10:00:00Z' };
    expect(validateData(type, data)).toEqual([]);
    expect(validateData(type, { ...data, codes: ['SUMMER-AB12'] })?.[0]?.keyword).toBe('additionalProperties');
    expect(validateData(type, { ...data, firstCodeId: '12a' })?.[0]?.instancePath).toBe('/firstCodeId');
    expect(validateData(type, { ...data, count: 0 })?.[0]?.instancePath).toBe('/count');
    expect(validateData(type, { ...data, origin: 'import' })?.[0]?.instancePath).toBe('/origin');
  });
});
