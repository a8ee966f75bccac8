import { decodeCloudEvent } from './decode-cloud-event';

const cartTypes = new Set(['cart.updated']);

function cartEvent(overrides: Record<string, unknown> = {}, dataOverrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: 'evt-1',
    source: 'commerce-platform/storefront',
    type: 'cart.updated',
    time: '2026-11-20T00:12:00Z',
    datacontenttype: 'application/json',
    data: {
      cartId: 'cart-1',
      channel: 'web',
      currency: 'USD',
      customer: null,
      lines: [{ lineId: 'l1', sku: 'SKU-1', productId: 'p1', quantity: 2, unitPrice: 1250 }],
      updatedAt: '2026-11-20T00:12:00Z',
      ...dataOverrides,
    },
    ...overrides,
  };
}

const encode = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('decodeCloudEvent', () => {
  it('accepts a well-formed cart.updated and ignores unknown extra fields', () => {
    const result = decodeCloudEvent(encode(cartEvent({ extension: 'x' }, { somethingNew: true })), cartTypes);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.event.id).toBe('evt-1');
  });

  it('calls truncated JSON not_json', () => {
    const text = JSON.stringify(cartEvent()).slice(0, 60);
    expect(decodeCloudEvent(Buffer.from(text), cartTypes)).toMatchObject({ ok: false, error: { reason: 'not_json' } });
  });

  it('calls binary garbage not_json', () => {
    expect(decodeCloudEvent(Buffer.from([0x00, 0xff, 0x20, 0x6e]), cartTypes)).toMatchObject({ ok: false, error: { reason: 'not_json' } });
  });

  it('calls an empty value not_json', () => {
    expect(decodeCloudEvent(null, cartTypes)).toMatchObject({ ok: false, error: { reason: 'not_json' } });
  });

  it('calls a type the topic does not carry unknown_type and keeps the id for the report', () => {
    expect(decodeCloudEvent(encode(cartEvent({ type: 'cart.exploded' })), cartTypes)).toEqual({
      ok: false,
      error: { reason: 'unknown_type', detail: expect.stringContaining('cart.exploded'), eventId: 'evt-1' },
    });
  });

  it('names a missing data field', () => {
    const event = cartEvent();
    delete (event['data'] as Record<string, unknown>)['currency'];
    expect(decodeCloudEvent(encode(event), cartTypes)).toEqual({
      ok: false,
      error: { reason: 'missing_field', detail: 'data.currency is required', eventId: 'evt-1' },
    });
  });

  it('names a missing envelope field', () => {
    const event = cartEvent();
    delete event['source'];
    expect(decodeCloudEvent(encode(event), cartTypes)).toMatchObject({ ok: false, error: { reason: 'missing_field', detail: 'source is required' } });
  });

  it('calls a negative quantity an invalid value at its path', () => {
    const event = cartEvent({}, { lines: [{ lineId: 'l1', sku: 'S', productId: 'p', quantity: -1, unitPrice: 100 }] });
    expect(decodeCloudEvent(encode(event), cartTypes)).toMatchObject({
      ok: false,
      error: { reason: 'invalid_value', detail: expect.stringMatching(/^data\.lines\[0\]\.quantity must be >= 1/) },
    });
  });

  it('calls a string amount a wrong type', () => {
    const event = cartEvent({}, { lines: [{ lineId: 'l1', sku: 'S', productId: 'p', quantity: 1, unitPrice: '100' }] });
    expect(decodeCloudEvent(encode(event), cartTypes)).toMatchObject({ ok: false, error: { reason: 'wrong_type' } });
  });

  it('refuses a date-time that is not RFC 3339', () => {
    expect(decodeCloudEvent(encode(cartEvent({}, { updatedAt: '20/11/2026 00:12' })), cartTypes)).toMatchObject({
      ok: false,
      error: { reason: 'invalid_value', detail: expect.stringContaining('data.updatedAt') },
    });
    expect(decodeCloudEvent(encode(cartEvent({}, { updatedAt: '2026-11-20T00:12:00' })), cartTypes)).toMatchObject({ ok: false });
  });

  it('refuses a JSON value that is not an object', () => {
    expect(decodeCloudEvent(Buffer.from('[1,2]'), cartTypes)).toMatchObject({ ok: false, error: { reason: 'not_cloudevent' } });
  });
});
