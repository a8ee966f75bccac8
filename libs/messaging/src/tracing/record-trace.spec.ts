import type { CloudEvent } from '@promo/contracts';
import { startTracing } from '@promo/platform';
import { directRecords } from '../consumer/direct-publish';
import { incomingTrace, outgoingTrace } from './record-trace';

const HEADER_TRACE = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const ENVELOPE_TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function cartUpdated(extension: Record<string, string> = {}): CloudEvent {
  return { specversion: '1.0', id: 'e-1', source: 'test', type: 'cart.updated', time: '2026-06-01T12:00:00Z', datacontenttype: 'application/json', ...extension, data: {} };
}

describe('incomingTrace', () => {
  it('follows the record header first, then the envelope extension', () => {
    expect(incomingTrace({ traceparent: Buffer.from(HEADER_TRACE), tracestate: Buffer.from('congo=t61rcWkgMzE') }, cartUpdated({ traceparent: ENVELOPE_TRACE }))).toEqual({
      traceparent: HEADER_TRACE,
      tracestate: 'congo=t61rcWkgMzE',
    });
    expect(incomingTrace({}, cartUpdated({ traceparent: ENVELOPE_TRACE, tracestate: 'rojo=00f067aa0ba902b7' }))).toEqual({ traceparent: ENVELOPE_TRACE, tracestate: 'rojo=00f067aa0ba902b7' });
    expect(incomingTrace(undefined, cartUpdated())).toBeUndefined();
  });

  it('follows no ill-formed traceparent', () => {
    expect(incomingTrace({ traceparent: 'garbage' }, cartUpdated({ traceparent: ENVELOPE_TRACE }))).toBeUndefined();
    expect(incomingTrace({}, cartUpdated({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' }))).toBeUndefined();
  });
});

describe('outgoingTrace while tracing is off', () => {
  it('forwards the record’s trace unchanged into the published envelope and headers', async () => {
    const tracing = startTracing('pricing', {});
    const input = cartUpdated();
    const trace = outgoingTrace({ traceparent: HEADER_TRACE }, input);
    expect(trace).toEqual({ traceparent: HEADER_TRACE });
    const [record] = directRecords(
      [{ type: 'pricing.promotion-changed', key: 'p-1', data: { promotionId: 'p-1', change: 'deleted', version: 2, changedAt: '2026-06-01T12:00:00Z', promotion: null } }],
      input,
      { group: 'pricing', source: 'promotions/pricing', now: new Date('2026-06-01T12:00:01Z'), trace },
    );
    expect(record?.message.headers).toEqual({ 'content-type': 'application/cloudevents+json', traceparent: HEADER_TRACE });
    expect(JSON.parse(String(record?.message.value))).toMatchObject({ traceparent: HEADER_TRACE });
    expect(JSON.parse(String(record?.message.value))).not.toHaveProperty('tracestate');
    await tracing.shutdown();
  });

  it('publishes no trace for a record that came without one', async () => {
    const tracing = startTracing('pricing', {});
    expect(outgoingTrace({}, cartUpdated())).toBeUndefined();
    await tracing.shutdown();
  });
});
