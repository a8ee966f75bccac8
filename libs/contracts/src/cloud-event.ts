/** A CloudEvents 1.0 structured-mode envelope whose `data` has been validated for its `type`. */
export interface CloudEvent<TType extends string = string, TData = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: TType;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  readonly subject?: string;
  /** CloudEvents distributed-tracing extension: the W3C trace context the event was created in (#24). */
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: TData;
}

/** Why a record could not be accepted; the closed list of dead-letter reasons (X1). */
export type MalformedReason = 'not_json' | 'not_cloudevent' | 'unknown_type' | 'missing_field' | 'wrong_type' | 'invalid_value';

export interface MalformedRecord {
  readonly reason: MalformedReason;
  /** A sentence naming the field and what was wrong with it. */
  readonly detail: string;
  /** The CloudEvent id when the envelope carried one (never marked as seen). */
  readonly eventId?: string;
}

export type DecodeResult<TEvent> = { readonly ok: true; readonly event: TEvent } | { readonly ok: false; readonly error: MalformedRecord };
