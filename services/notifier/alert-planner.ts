import type { Flag } from '../../schemas/flag/v1.ts';
import type { DqAlert, FlagAlert } from '../../schemas/dq-alert/v1.ts';
import type { AlertChannelKind, AlertDelivery } from '../../schemas/records/alert-delivery.ts';
import type { NewDelivery } from '../../infra/alert/alert-delivery-log.ts';
import { aboutFlag, flagAlert, type Recipient } from './alert-content.ts';
import type { Route, RouteChannel } from './alert-router.ts';

/**
 * The dedup rules, as pure functions from "what the log holds about this flag" and one
 * dq.flag event to "rows to add and rows to change". Per recipient and channel:
 *
 *   raised   — an open alert (not yet closed by a resolution) exists: nothing (no second alert);
 *              else a new alert in the next cycle (a flag that came back is news again).
 *   resolved — no open alert: nothing (never alerted → no notice). Otherwise the alert is
 *              closed and: sent → a notice; still waiting (not in flight, not bundled in a
 *              digest) → cancelled, nothing goes out; in flight or bundled → a notice that
 *              waits for it (`depends_on`); given up → nothing.
 *
 * An event already recorded (an alert row's `event_id` or `closed_by_event`) changes nothing:
 * that is a redelivery of the at-least-once bus.
 */
export interface Plan {
  add: NewDelivery[];
  save: AlertDelivery[];
}

export interface PlanInput {
  eventId: string;
  flag: Flag;
  /** Every row the log holds for this flag (all recipients). */
  existing: readonly AlertDelivery[];
  now: string;
}

export const alertIdOf = (kind: 'alert' | 'resolved-notice', flagId: string, recipient: string, cycle: number): string =>
  `${kind === 'alert' ? 'alert' : 'resolved'}:${flagId}:${recipient}:${cycle}`;

export const deliveryIdOf = (alertId: string, channel: AlertChannelKind): string => `${alertId}:${channel}`;

export function alreadyHandled(eventId: string, existing: readonly AlertDelivery[]): boolean {
  return existing.some((r) => r.event_id === eventId || r.closed_by_event === eventId);
}

export function planRaised(input: PlanInput, routes: readonly Route[]): Plan {
  const plan: Plan = { add: [], save: [] };
  if (alreadyHandled(input.eventId, input.existing)) return plan;
  for (const { recipient, channels } of routes) {
    const about = aboutFlag(input.flag, 'raised', recipient.role === 'owner' ? recipient.unitName : ownerName(routes, input.flag.unit));
    for (const rc of channels) {
      const last = lastAlert(input.existing, recipient.unit, rc.channel);
      if (last && last.closed_at === null) continue;
      const cycle = (last?.cycle ?? 0) + 1;
      const alertId = alertIdOf('alert', input.flag.id, recipient.unit, cycle);
      plan.add.push(newDelivery({ alert: flagAlert(alertId, 'alert', about, recipient), channel: rc, cycle, eventId: input.eventId, flagId: input.flag.id, now: input.now }));
    }
  }
  return plan;
}

/**
 * @param currentChannels the recipient's channels now (a notice follows the contact's current
 *   digest setting; a channel the contact no longer has gets no notice)
 * @param inFlight whether the worker is sending a row right now
 */
export function planResolved(
  input: PlanInput,
  currentChannels: (unit: string) => readonly RouteChannel[],
  inFlight: (deliveryId: string) => boolean,
): Plan {
  const plan: Plan = { add: [], save: [] };
  if (alreadyHandled(input.eventId, input.existing)) return plan;
  const opens = input.existing.filter((r) => r.kind === 'alert' && r.closed_at === null && isLastOf(r, input.existing));
  for (const open of opens) {
    const closed: AlertDelivery = { ...open, closed_at: input.now, closed_by_event: input.eventId, updated_at: input.now };
    const alerted = open.alert as FlagAlert;
    const channel = currentChannels(open.recipient_unit).find((c) => c.channel === open.channel);
    const waiting = (open.status === 'pending' || (open.status === 'failed' && open.next_attempt_at !== null)) && !inFlight(open.delivery_id) && open.digest_id === null;
    const notice = (dependsOn: string | null) => {
      if (!channel) return;
      const recipient: Recipient = alerted.recipient;
      const alertId = alertIdOf('resolved-notice', input.flag.id, open.recipient_unit, open.cycle);
      const about = aboutFlag(input.flag, 'resolved', alerted.unitName);
      plan.add.push({ ...newDelivery({ alert: flagAlert(alertId, 'resolved-notice', about, recipient), channel, cycle: open.cycle, eventId: input.eventId, flagId: input.flag.id, now: input.now }), depends_on: dependsOn });
    };
    if (open.status === 'sent') notice(null);
    else if (waiting) Object.assign(closed, { status: 'cancelled', next_attempt_at: null, last_error: 'đã khắc phục trước khi gửi / resolved before delivery' });
    else if (open.status === 'pending' || (open.status === 'failed' && open.next_attempt_at !== null)) notice(open.delivery_id);
    plan.save.push(closed);
  }
  return plan;
}

function lastAlert(rows: readonly AlertDelivery[], unit: string, channel: AlertChannelKind): AlertDelivery | undefined {
  let best: AlertDelivery | undefined;
  for (const r of rows) {
    if (r.kind === 'alert' && r.recipient_unit === unit && r.channel === channel && (!best || r.cycle > best.cycle)) best = r;
  }
  return best;
}

function isLastOf(row: AlertDelivery, rows: readonly AlertDelivery[]): boolean {
  return lastAlert(rows, row.recipient_unit, row.channel)?.delivery_id === row.delivery_id;
}

function ownerName(routes: readonly Route[], unit: string): string {
  return routes.find((r) => r.recipient.role === 'owner')?.recipient.unitName ?? unit;
}

export function newDelivery(p: { alert: DqAlert; channel: RouteChannel; cycle: number; eventId: string | null; flagId: string | null; now: string }): NewDelivery {
  const immediate = p.channel.mode === 'immediate' || p.alert.kind === 'digest';
  return {
    delivery_id: deliveryIdOf(p.alert.alertId, p.channel.channel),
    alert_id: p.alert.alertId,
    flag_id: p.flagId,
    event_id: p.eventId,
    recipient_unit: p.alert.recipient.unit,
    role: p.alert.kind === 'digest' ? null : p.alert.recipient.role,
    channel: p.channel.channel,
    kind: p.alert.kind,
    mode: p.channel.mode,
    cycle: p.cycle,
    status: 'pending',
    attempts: 0,
    last_error: null,
    response: null,
    target: null,
    attempt_log: [],
    alert: p.alert,
    digest_id: null,
    depends_on: null,
    created_at: p.now,
    updated_at: p.now,
    next_attempt_at: immediate ? p.now : null,
    sent_at: null,
    closed_at: null,
    closed_by_event: null,
  };
}
