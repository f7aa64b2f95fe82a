import type { DocumentZones } from './document-zones.ts';
import { spanOf } from './page-view.ts';
import type { Span } from './report-metadata.ts';

/**
 * The document number (số, ký hiệu) in the letterhead:
 *
 *   number = "Số" (":" | "." | line-start " ") digits [letter] ["/" YYYY] "/" KIND { "-" ISSUER }
 *   e.g.     Số: 17/BC-UBND   Số: 06/2024/QĐ-UBND   Số: 123/BC-SNV   Số:45 /BC-UBND
 *
 * Spaces are dropped and dashes made ASCII in the value. Searched in the first
 * SEARCH_CHARS characters of the first page. A `Số:` whose value does not follow the
 * grammar (an OCR'd received-stamp, `Số: 106.80.`; a blank draft number, `Số:   /BC-UBND`)
 * yields no number and an `unreadable` quote for the warning.
 */
export interface ReportNumberResult {
  number?: { value: string; evidence: Span };
  unreadable?: Span;
}

const SEARCH_CHARS = 2000;
const NUMBER = /(?<![\p{L}\p{M}])S[ốỐ](?:\s*[:.]\s*|(?<=^[ \t]*S[ốỐ])[ \t]+)(\d{1,5}[a-zA-Z]?(?:\s*\/\s*\d{4})?\s*\/\s*[A-ZĐ]{1,8}(?:\s*[-–]\s*[A-ZĐ0-9&]{1,12}){0,3})(?![\p{L}\p{N}])/mu;
const ANY_NUMBER = /(?<![\p{L}\p{M}])(?:Số|SỐ)\s*:[ \t]*\S{0,20}/u;

export function detectReportNumber(zones: DocumentZones): ReportNumberResult {
  const page = zones.first;
  if (!page) return {};
  const head = page.view.slice(0, SEARCH_CHARS);
  const m = NUMBER.exec(head);
  if (m?.[1] !== undefined) {
    const start = m.index + m[0].length - m[1].length;
    return { number: { value: m[1].replace(/\s+/g, '').replace(/–/g, '-'), evidence: spanOf(page, start, m.index + m[0].length) } };
  }
  const any = ANY_NUMBER.exec(head);
  return any ? { unreadable: spanOf(page, any.index, any.index + any[0].length) } : {};
}
