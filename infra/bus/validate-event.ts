import { EventSchemas, isEventType, type EventOf, type EventType } from '../../schemas/events.ts';
import { tonghopError } from '../errors/error-catalog.ts';

/**
 * The check every adapter makes before publishing: the event's type is known and the
 * whole envelope matches that type's schema. Returns the parsed event (unknown keys
 * stripped); throws TH_ERR_INVALID_EVENT listing every problem.
 */
export function validateEvent(event: EventOf<EventType>): EventOf<EventType> {
  const type: string = event.type;
  if (!isEventType(type)) throw tonghopError('TH_ERR_INVALID_EVENT', [`unknown type ${JSON.stringify(type)}`]);
  const result = EventSchemas[type].safeParse(event);
  if (!result.success) {
    throw tonghopError('TH_ERR_INVALID_EVENT', [result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')]);
  }
  return result.data;
}
