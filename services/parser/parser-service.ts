import { createEvent, type EventOf } from '../../schemas/events.ts';
import type { MediaType } from '../../schemas/identifiers.ts';
import { StructuredDocumentRecordV1 } from '../../schemas/records/structured-document.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { ObjectStore } from '../../infra/store/object-store.ts';
import { documentObjectKey } from '../../infra/store/object-key.ts';
import { isTonghopError } from '../../infra/errors/tonghop-error.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import type { StructuredDocument } from './document-model.ts';
import { readDocument, type DocumentReader, type ReadProgress } from './document-reader.ts';
import { analyzeDocument } from './document-analysis.ts';
import { metadataWarnings, toDetected } from './metadata/index.ts';
import { resolveReportUnit } from './report-unit.ts';
import { loadUnitRegistry, type UnitRegistry } from '../registry/unit-registry.ts';

/**
 * Parser: `report.submitted` → the document read into pages of paragraphs and tables
 * (scanned pages by OCR, each page's end published as `report.progress`),
 * stored at `parsed/<reportId>/document.json` → its facts as `facts.extracted` (in
 * chunks of `factsPerChunk`) → `report.parsed` with the detected unit (and its GSO code when the
 * register knows it) and period. Events about a report whose sender claimed no unit carry the
 * detected code as subject (the Kafka key), so one unit's events stay together. A document that cannot
 * be read (corrupt, encrypted, no text layer, zip bomb) is answered with
 * `report.failed` (stage `parser`) — the bus is not asked to retry what cannot
 * succeed. Faults that may pass (store unavailable) are thrown, so the bus retries and
 * finally dead-letters.
 */
export interface ParserDeps {
  store: ObjectStore;
  bus: EventBus;
  log: Logger;
  /** Reader per media type; defaults to poppler/pdf-parse and mammoth. */
  readers?: Partial<Record<MediaType, DocumentReader>>;
  /** Fewer visible characters than this per page on average means a scan; default 20. */
  minCharsPerPage?: number;
  /** Facts per `facts.extracted` event; default 500. */
  factsPerChunk?: number;
  /** The unit register names are matched against; default the shipped one. */
  registry?: UnitRegistry;
}

export interface ParserService {
  onSubmitted(event: EventOf<'report.submitted'>): Promise<void>;
}

const SOURCE = 'tonghop/parser';

export function createParserService(deps: ParserDeps): ParserService {
  async function onSubmitted(event: EventOf<'report.submitted'>): Promise<void> {
    const { reportId, objectKey, fileName, mediaType } = event.data;
    const claimedUnit = event.subject;
    let log = forReport(deps.log, reportId, claimedUnit);
    const started = performance.now();
    let doc: StructuredDocument;
    // OCR pages finish one by one: each is published as `report.progress`, in order, and a
    // progress event that cannot be published is logged, never a reason to fail the report.
    let progressed = Promise.resolve();
    const progress = (p: ReadProgress) => {
      progressed = progressed.then(() => deps.bus.publish(createEvent({
        type: 'report.progress', source: SOURCE, subject: claimedUnit, id: `${reportId}:progress:ocr:${p.page}`,
        data: { reportId, stage: 'parser', step: 'ocr', page: p.page, done: p.done, total: p.total, confidence: Math.round(p.confidence), fileName },
      }))).then(() => log.info({ page: p.page, done: p.done, total: p.total, confidence: Math.round(p.confidence) }, 'OCR page read'))
        .catch((err: unknown) => log.warn({ err }, 'progress event not published'));
    };
    try {
      const bytes = await deps.store.get(objectKey);
      doc = await readDocument(bytes, mediaType, fileName, deps.readers, deps.minCharsPerPage, progress);
      await progressed;
    } catch (err) {
      await progressed;
      if (!isTonghopError(err) || err.retriable) throw err;
      log.warn({ code: err.code, fileName }, err.reason.en);
      await deps.bus.publish(createEvent({
        type: 'report.failed', source: SOURCE, subject: claimedUnit, id: `${reportId}:parser-failed`,
        data: { reportId, stage: 'parser', code: err.code, reason: err.reason, retriable: false, fileName, bytes: event.data.bytes, claimed: event.data.claimed },
      }));
      return;
    }
    const textKey = documentObjectKey(reportId);
    const record = StructuredDocumentRecordV1.parse({ reportId, mediaType, engine: doc.engine, warnings: doc.warnings, pages: doc.pages });
    await deps.store.put(textKey, new TextEncoder().encode(JSON.stringify(record)), { contentType: 'application/json' });
    const characters = doc.pages.reduce((n, p) => n + p.text.length, 0);
    const { facts, metadata } = analyzeDocument(reportId, doc);
    const resolved = resolveReportUnit(deps.registry ?? loadUnitRegistry(), metadata);
    const unit = claimedUnit === 'unknown' && resolved.code ? resolved.code : claimedUnit;
    log = forReport(deps.log, reportId, unit);
    const detected = toDetected(metadata);
    if (detected.unit && resolved.code) detected.unit.code = resolved.code;
    const warnings = [...doc.warnings, ...metadataWarnings(metadata), ...(resolved.warning ? [{ vi: resolved.warning.vi, en: resolved.warning.en }] : [])];
    const perChunk = deps.factsPerChunk ?? 500;
    const chunks = Math.max(1, Math.ceil(facts.length / perChunk));
    for (let index = 0; index < chunks; index++) {
      await deps.bus.publish(createEvent({
        type: 'facts.extracted', source: SOURCE, subject: unit, id: `${reportId}:facts:${index}`,
        data: { reportId, chunk: { index, count: chunks }, facts: facts.slice(index * perChunk, (index + 1) * perChunk) },
      }));
    }
    await deps.bus.publish(createEvent({
      type: 'report.parsed', source: SOURCE, subject: unit, id: `${reportId}:parsed`,
      data: {
        reportId, objectKey, textKey, pages: doc.pages.length, characters, detected,
        factCount: facts.length, warnings,
      },
    }));
    log.info({ pages: doc.pages.length, characters, facts: facts.length, engine: doc.engine, ms: Math.round(performance.now() - started) }, 'report parsed');
  }

  return { onSubmitted };
}
