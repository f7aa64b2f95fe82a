import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { AlertChannel } from '../../infra/alert/alert-channel.ts';
import { isRetriable } from '../../infra/errors/tonghop-error.ts';

/** The bus as an alert channel: publishes the `dq.alert` event (key = recipient unit). */
export function createBusAlertChannel(bus: Pick<EventBus, 'publish'>): AlertChannel {
  return {
    kind: 'bus',
    async send(message) {
      try {
        await bus.publish(message.event);
        return { ok: true, response: `published ${message.event.id}` };
      } catch (err) {
        return { ok: false, retriable: isRetriable(err), error: `publish dq.alert: ${(err as Error).message}` };
      }
    },
    close: () => Promise.resolve(),
  };
}
