import { type CloudEvent, type UpstreamEventData, type UpstreamEventType, validateData } from '@promo/contracts';
import { UnrecoverableEventError } from '@promo/messaging';

function isDataOf<TType extends UpstreamEventType>(type: TType, data: unknown): data is UpstreamEventData[TType] {
  const errors = validateData(type, data);
  return errors !== undefined && errors.length === 0;
}

/** The typed data of an event the consumer already validated; re-checked here so no cast is needed. */
export function eventData<TType extends UpstreamEventType>(event: CloudEvent, type: TType): UpstreamEventData[TType] {
  const data = event.data;
  if (event.type !== type || !isDataOf(type, data)) throw new UnrecoverableEventError(`event ${event.id} is not a valid ${type}`);
  return data;
}
