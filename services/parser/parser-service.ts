import { createEvent, type EventOf } from '../../schemas/events.ts';
import type { MediaType } from '../../schemas/identifiers.ts';
import { PageTextRecordV1 } from '../../schemas/records/page-text.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { ObjectStore } from '../../infra/store/object-store.ts';
import { pagesObjectKey } from '../../infra/store/object-key.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';
import { isTonghopError } from '../../infra/errors/tonghop-error.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import type { ExtractedText, TextExtractor } from './page-text.ts';
import { extractPdfText } from './pdf/pdf-text-extractor.ts';
import { extractDocxText } from './docx/docx-text-extractor.ts';

/**
 * Parser: `report.submitted` → the document's text, page by page, stored at
 * `parsed/<reportId>/pages.json` → `report.parsed`. A document that cannot be read
 * (corrupt, encrypted, no text layer, zip bomb) is answered with `report.failed`
 * (stage `parser`) — the bus is not asked to retry what cannot succeed. Faults that
 * may pass (store unavailable) are thrown, so the bus retries and finally dead-letters.
 */
export interface ParserDeps {
  store: ObjectStore;
  bus: EventBus;
  log: Logger;
  /** Text extractor per media type; defaults to pdf-parse and mammoth. */
  extractors?: Partial<Record<MediaType, TextExtractor>>;
  /**
   * Fewer visible characters than this per page on average means there is no text
   * layer (a scan); default 20.
   */
  minCharsPerPage?: number;
}

export interface ParserService {
  onSubmitted(event: EventOf<'report.submitted'>): Promise<void>;
}

const SOURCE = 'tonghop/parser';

export const DEFAULT_EXTRACTORS: Record<MediaType, TextExtractor> = {
  'application/pdf': extractPdfText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (bytes, name) => extractDocxText(bytes, name),
};

/** Reads a document's text: the one piece `analyze` and the parser service share. */
export async function readDocumentText(
  bytes: Uint8Array, mediaType: MediaType, fileName: string,
  extractors: Partial<Record<MediaType, TextExtractor>> = DEFAULT_EXTRACTORS, minCharsPerPage = 20,
): Promise<ExtractedText> {
  const extract = extractors[mediaType] ?? DEFAULT_EXTRACTORS[mediaType];
  const text = await extract(bytes, fileName);
  const visible = text.pages.reduce((n, p) => n + p.text.replace(/\s+/g, '').length, 0);
  if (text.pages.length === 0 || visible < minCharsPerPage * text.pages.length) {
    throw tonghopError('TH_ERR_NO_TEXT_LAYER', [fileName]);
  }
  return text;
}

export function createParserService(deps: ParserDeps): ParserService {
  async function onSubmitted(event: EventOf<'report.submitted'>): Promise<void> {
    const { reportId, objectKey, fileName, mediaType } = event.data;
    const unit = event.subject;
    const log = forReport(deps.log, reportId, unit);
    const started = performance.now();
    let text: ExtractedText;
    try {
      const bytes = await deps.store.get(objectKey);
      text = await readDocumentText(bytes, mediaType, fileName, deps.extractors, deps.minCharsPerPage);
    } catch (err) {
      if (!isTonghopError(err) || err.retriable) throw err;
      log.warn({ code: err.code, fileName }, err.reason.en);
      await deps.bus.publish(createEvent({
        type: 'report.failed', source: SOURCE, subject: unit, id: `${reportId}:parser-failed`,
        data: { reportId, stage: 'parser', code: err.code, reason: err.reason, retriable: false, fileName, bytes: event.data.bytes, claimed: event.data.claimed },
      }));
      return;
    }
    const textKey = pagesObjectKey(reportId);
    const record = PageTextRecordV1.parse({ reportId, mediaType, engine: text.engine, pages: text.pages });
    await deps.store.put(textKey, new TextEncoder().encode(JSON.stringify(record)), { contentType: 'application/json' });
    const characters = text.pages.reduce((n, p) => n + p.text.length, 0);
    await deps.bus.publish(createEvent({
      type: 'report.parsed', source: SOURCE, subject: unit, id: `${reportId}:parsed`,
      data: { reportId, objectKey, textKey, pages: text.pages.length, characters, detected: {}, factCount: 0, warnings: [] },
    }));
    log.info({ pages: text.pages.length, characters, engine: text.engine, ms: Math.round(performance.now() - started) }, 'report parsed');
  }

  return { onSubmitted };
}
