import { type CloudEvent, type OutboundEventData, type OutboundEventType, validateData } from '@promo/contracts';
import { UnrecoverableEventError } from '@promo/messaging';

function matches<TType extends OutboundEventType>(type: TType, data: unknown): data is OutboundEventData[TType] {
  const errors = validateData(type, data);
  return errors !== undefined && errors.length === 0;
}

/** The event's data as its contract types it; the consumer validated it already, so a mismatch is unrecoverable. */
export function eventData<TType extends OutboundEventType>(type: TType, event: CloudEvent): OutboundEventData[TType] {
  const { data } = event;
  if (!matches(type, data)) throw new UnrecoverableEventError(`event ${event.id} does not carry ${type} data`);
  return data;
}
