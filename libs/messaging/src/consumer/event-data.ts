import { type CloudEvent, type OutboundEventData, type UpstreamEventData, validateData } from '@promo/contracts';
import { UnrecoverableEventError } from './event-handler';

/** The data of every event the services read: the commerce platform's (upstream) and their own (outbound). */
export type KnownEventData = UpstreamEventData & OutboundEventData;
export type KnownEventType = keyof KnownEventData;

function carries<TType extends KnownEventType>(type: TType, data: unknown): data is KnownEventData[TType] {
  const errors = validateData(type, data);
  return errors !== undefined && errors.length === 0;
}

/**
 * The event's data as its contract types it. The consumer validated it already; it is checked again by a
 * guard so no cast is needed, and a mismatch (another type, data that does not fit) is unrecoverable.
 */
export function eventData<TType extends KnownEventType>(event: CloudEvent, type: TType): KnownEventData[TType] {
  const { data } = event;
  if (event.type !== type || !carries(type, data)) throw new UnrecoverableEventError(`event ${event.id} is not a valid ${type}`);
  return data;
}
