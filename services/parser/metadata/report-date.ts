import type { DocumentZones } from './document-zones.ts';
import { spanOf, type PageView } from './page-view.ts';
import type { Span } from './report-metadata.ts';

/**
 * The place-and-date line of an official document (Nghị định 30/2020/NĐ-CP, thể thức):
 *
 *   place-date = place "," "ngày" D "tháng" M "năm" YYYY
 *              | place "," "ngày" D "/" M "/" YYYY
 *   place      = 1–5 Capitalised words, e.g. "Quảng Ngạn", "Hà Nội", "TP. Hồ Chí Minh" → "Hồ Chí Minh"
 *
 * Line breaks are allowed between the parts (PDF letterheads break `ngày 25` / `tháng 01 năm 2024`).
 * The first page's first HEADER_CHARS characters are searched first, then the rest of the report
 * (some reports date the signature block instead). A date that does not exist is ignored; so is a
 * received-stamp (`ĐẾN Ngày: 13.12.16`), which has no place.
 */
export interface ReportDate {
  /** YYYY-MM-DD */
  value: string;
  place: string;
  evidence: Span;
  placeEvidence: Span;
}

const HEADER_CHARS = 3000;
const PLACE = String.raw`(?<![\p{L}\p{M}\p{N}.])(\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){0,4})[ \t]*,[ \t]*`;
const WORDS_DATE = String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const SLASH_DATE = String.raw`ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})`;
const PLACE_DATE = new RegExp(`${PLACE}(?:${WORDS_DATE}|${SLASH_DATE})`, 'gu');

export function detectReportDate(pages: PageView[], zones: DocumentZones): ReportDate | undefined {
  const first = zones.first;
  if (first) {
    const found = scan(first, 0, Math.min(first.view.length, HEADER_CHARS));
    if (found) return found;
  }
  for (const page of pages) {
    const found = scan(page, page === first ? HEADER_CHARS : 0, page.view.length);
    if (found) return found;
  }
  return undefined;
}

function scan(page: PageView, from: number, to: number): ReportDate | undefined {
  const slice = page.view.slice(0, to);
  PLACE_DATE.lastIndex = from;
  for (let m = PLACE_DATE.exec(slice); m !== null; m = PLACE_DATE.exec(slice)) {
    const place = m[1] ?? '';
    const day = Number(m[2] ?? m[5]);
    const month = Number(m[3] ?? m[6]);
    const year = Number(m[4] ?? m[7]);
    if (!validDate(year, month, day)) continue;
    const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      value,
      place,
      evidence: spanOf(page, m.index, m.index + m[0].length),
      placeEvidence: spanOf(page, m.index, m.index + place.length),
    };
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
