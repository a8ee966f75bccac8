import { randomBytes } from 'node:crypto';

/** A caller's span as a test plays it (#24): a trace and span id of its own, sampled, and the traceparent naming them. */
export function aCallerSpan(): { readonly traceId: string; readonly spanId: string; readonly traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** The trace id and parent span id a sampled traceparent names; undefined for anything else. */
export function traceparentIds(traceparent: unknown): { readonly traceId: string; readonly spanId: string } | undefined {
  const match = typeof traceparent === 'string' ? /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(traceparent) : null;
  return match?.[1] && match[2] ? { traceId: match[1], spanId: match[2] } : undefined;
}
