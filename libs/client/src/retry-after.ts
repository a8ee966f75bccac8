/**
 * How long a `Retry-After` header asks to wait, in milliseconds: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110 §10.2.3) read against `nowMs` (epoch milliseconds). A date in the past
 * is 0; a missing or unreadable header is null.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  // An HTTP date names its month: without a name, Date.parse would read '-5' or '1.5' as years and dates.
  if (!/[A-Za-z]{3}/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
