import type { ErrorObject } from 'ajv';
import type { CloudEvent, DecodeResult, MalformedReason, MalformedRecord } from './cloud-event';
import { validateData, validateEnvelope } from './schema-registry';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a raw record value into a validated CloudEvent, or says why it is malformed (X1).
 * `acceptedTypes` are the types the consuming topic may carry; anything else is `unknown_type`.
 */
export function decodeCloudEvent(value: Uint8Array | string | null | undefined, acceptedTypes: ReadonlySet<string>): DecodeResult<CloudEvent> {
  if (value === null || value === undefined || value.length === 0) {
    return malformed({ reason: 'not_json', detail: 'the record has no value' });
  }
  let text: string;
  try {
    text = typeof value === 'string' ? value : utf8.decode(value);
  } catch {
    return malformed({ reason: 'not_json', detail: 'the record value is not UTF-8 text' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return malformed({ reason: 'not_json', detail: `the record value is not JSON: ${(error as Error).message}` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return malformed({ reason: 'not_cloudevent', detail: 'the record value is not a JSON object' });
  }
  const record = parsed as Record<string, unknown>;
  const eventId = typeof record['id'] === 'string' && record['id'] !== '' ? record['id'] : undefined;
  const withId = (error: Omit<MalformedRecord, 'eventId'>): DecodeResult<CloudEvent> =>
    malformed(eventId === undefined ? error : { ...error, eventId });

  const envelopeErrors = validateEnvelope(record);
  const firstEnvelopeError = envelopeErrors[0];
  if (firstEnvelopeError) return withId(describe(firstEnvelopeError, ''));

  const type = record['type'] as string;
  if (!acceptedTypes.has(type)) {
    return withId({ reason: 'unknown_type', detail: `type "${type}" is not one this topic carries (${[...acceptedTypes].join(', ')})` });
  }
  const dataErrors = validateData(type, record['data']);
  if (dataErrors === undefined) {
    return withId({ reason: 'unknown_type', detail: `type "${type}" has no schema in libs/contracts` });
  }
  const firstDataError = dataErrors[0];
  if (firstDataError) return withId(describe(firstDataError, 'data'));
  return { ok: true, event: record as unknown as CloudEvent };
}

function malformed(error: MalformedRecord): DecodeResult<CloudEvent> {
  return { ok: false, error };
}

/** Maps the first schema error to a reason and a sentence naming the field (`data.lines[0].quantity`). */
function describe(error: ErrorObject, root: string): Omit<MalformedRecord, 'eventId'> {
  const path = toFieldPath(root, error.instancePath);
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
    return { reason: 'missing_field', detail: `${joinPath(path, missing)} is required` };
  }
  const reason: MalformedReason = error.keyword === 'type' ? 'wrong_type' : 'invalid_value';
  return { reason, detail: `${path || 'the event'} ${error.message ?? 'is invalid'}` };
}

function toFieldPath(root: string, instancePath: string): string {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment)), root);
}

function joinPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}
