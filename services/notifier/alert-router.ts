import type { Flag } from '../../schemas/flag/v1.ts';
import type { AlertChannelKind } from '../../schemas/records/alert-delivery.ts';
import type { ContactDirectory, ResolvedContact } from './contact-directory.ts';
import type { Recipient } from './alert-content.ts';
import type { UnitLookup } from './unit-lookup.ts';

/**
 * Who gets an alert about a flag, and on which channels. The flag's `unit` is the owner;
 * its parent (as in force for the flag's period) too when the owner's contact — or the
 * default — says so. Every recipient gets the `dq.alert` event on the bus; e-mail and
 * webhook when its contact has them. A contact with `digest: daily` gets all its channels
 * as one message a day.
 */
export interface RouteChannel {
  channel: AlertChannelKind;
  mode: 'immediate' | 'digest';
}

export interface Route {
  recipient: Recipient;
  channels: RouteChannel[];
}

export function channelsOf(contact: ResolvedContact | undefined): RouteChannel[] {
  const mode = contact?.digest === 'daily' ? 'digest' : 'immediate';
  const kinds: AlertChannelKind[] = ['bus', ...(contact?.email ? ['email' as const] : []), ...(contact?.webhook ? ['webhook' as const] : [])];
  return kinds.map((channel) => ({ channel, mode }));
}

export function routeFlag(flag: Flag, contacts: ContactDirectory, units: UnitLookup): Route[] {
  if (flag.unit === 'unknown') return [];
  const name = (unit: string) => units.nameOf(unit, flag.period) ?? contacts.contactFor(unit)?.name ?? unit;
  const routes: Route[] = [{ recipient: { unit: flag.unit, unitName: name(flag.unit), role: 'owner' }, channels: channelsOf(contacts.contactFor(flag.unit)) }];
  if (contacts.notifyParent(flag.unit)) {
    const parent = units.parentOf(flag.unit, flag.period);
    if (parent && parent !== flag.unit) {
      routes.push({ recipient: { unit: parent, unitName: name(parent), role: 'parent' }, channels: channelsOf(contacts.contactFor(parent)) });
    }
  }
  return routes;
}
