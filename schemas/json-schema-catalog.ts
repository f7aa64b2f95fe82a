import { z } from 'zod';
import { EventSchemas, EVENT_TYPES } from './events.ts';
import { FactV1 } from './fact/v1.ts';
import { FlagV1 } from './flag/v1.ts';
import { StructuredDocumentRecordV1 } from './records/structured-document.ts';
import { ReportRecordV1 } from './records/report-record.ts';
import { ObservationRecordV1 } from './records/observation.ts';
import { ConsolidatedFigureV1 } from './records/consolidated-figure.ts';
import { UnitContactsFileV1 } from './records/unit-contact.ts';
import { AlertDeliveryV1 } from './records/alert-delivery.ts';

/**
 * JSON Schema (draft 2020-12) for outside consumers, generated from the zod schemas,
 * which stay the only definition. File name → schema; `npm run schemas:generate`
 * writes them to schemas/json/, and a test fails when the committed files drift.
 */
export function jsonSchemaCatalog(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const type of EVENT_TYPES) out[`event.${type}.v1.schema.json`] = toSchema(EventSchemas[type], `tonghop event ${type} v1`);
  out['fact.v1.schema.json'] = toSchema(FactV1, 'tonghop fact v1');
  out['flag.v1.schema.json'] = toSchema(FlagV1, 'tonghop data-quality flag v1');
  out['record.structured-document.v1.schema.json'] = toSchema(StructuredDocumentRecordV1, 'tonghop stored structured document v1');
  out['record.report.v1.schema.json'] = toSchema(ReportRecordV1, 'tonghop stored report row v1');
  out['record.observation.v1.schema.json'] = toSchema(ObservationRecordV1, 'tonghop stored observation row v1');
  out['record.consolidated-figure.v1.schema.json'] = toSchema(ConsolidatedFigureV1, 'tonghop consolidated figure (view row) v1');
  out['record.unit-contacts.v1.schema.json'] = toSchema(UnitContactsFileV1, 'tonghop contacts file (TONGHOP_CONTACTS_FILE) v1');
  out['record.alert-delivery.v1.schema.json'] = toSchema(AlertDeliveryV1, 'tonghop notifier delivery-log row v1');
  return out;
}

function toSchema(schema: z.ZodType, title: string): unknown {
  return { title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) };
}

export function serializeSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
