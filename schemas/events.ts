import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { envelopeOf } from './envelope.ts';
import { ReportSubmittedV1 } from './report-submitted/v1.ts';
import { ReportParsedV1 } from './report-parsed/v1.ts';
import { ReportFailedV1 } from './report-failed/v1.ts';
import { ReportProgressV1 } from './report-progress/v1.ts';
import { FactsExtractedV1 } from './facts-extracted/v1.ts';
import { DqFlagV1 } from './dq-flag/v1.ts';
import { DqAlertV1 } from './dq-alert/v1.ts';
import { BusDeadLetterV1 } from './bus-dead-letter/v1.ts';

/** Every event type, its envelope schema, and (by inference) its TypeScript type. */
export const EventSchemas = {
  'report.submitted': envelopeOf('report.submitted', ReportSubmittedV1),
  'report.parsed': envelopeOf('report.parsed', ReportParsedV1),
  'report.failed': envelopeOf('report.failed', ReportFailedV1),
  'report.progress': envelopeOf('report.progress', ReportProgressV1),
  'facts.extracted': envelopeOf('facts.extracted', FactsExtractedV1),
  'dq.flag': envelopeOf('dq.flag', DqFlagV1),
  'dq.alert': envelopeOf('dq.alert', DqAlertV1),
  'bus.dead-letter': envelopeOf('bus.dead-letter', BusDeadLetterV1),
} as const;

export type EventType = keyof typeof EventSchemas;
export type EventOf<T extends EventType> = z.infer<(typeof EventSchemas)[T]>;
export type DataOf<T extends EventType> = EventOf<T>['data'];
export type AnyEvent = { [T in EventType]: EventOf<T> }[EventType];

export const EVENT_TYPES = Object.keys(EventSchemas) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EventSchemas, value);
}

export interface EventInit<T extends EventType> {
  type: T;
  source: string;
  subject: string;
  data: DataOf<T>;
  /** Deterministic ids make redelivery detectable; a random UUID otherwise. */
  id?: string;
  time?: Date;
}

/** Builds and validates an event; throws a ZodError when `data` breaks its schema. */
export function createEvent<T extends EventType>(init: EventInit<T>): EventOf<T> {
  const candidate = {
    specversion: '1.0',
    id: init.id ?? randomUUID(),
    type: init.type,
    source: init.source,
    time: (init.time ?? new Date()).toISOString(),
    subject: init.subject,
    dataVersion: 'v1',
    data: init.data,
  };
  return EventSchemas[init.type].parse(candidate) as EventOf<T>;
}
