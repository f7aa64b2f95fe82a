import { linesOf, spanOf, type Line, type PageView } from './page-view.ts';
import type { Span } from './report-metadata.ts';
import { collapseSpaces } from '../../text/vietnamese-text.ts';

/**
 * The report's title, found on its first page in one of two ways:
 *
 *   marker    a line `BÁO CÁO` (alone, or followed by an uppercase title on the same line),
 *             then the title lines up to a blank line, a stamp line, a heading or 4 lines:
 *               BÁO CÁO
 *               Tổng kết Chương trình tổng thể cải cách hành chính nhà nước
 *               giai đoạn 2011 - 2020, định hướng giai đoạn 2021 - 2030 của xã Quảng Ngạn
 *   fallback  no marker (web articles, slides): among the first four non-empty lines,
 *             before any paragraph-length line, the first one of 6+ words that speaks of
 *             the report's subject (cải cách hành chính, CCHC, báo cáo, kết quả, …) and
 *             does not end like a sentence (`.`, `;`, `:`, `./.`).
 *
 * A scanned received-stamp may glue its number in front of the title
 * (`Số: 106.80. Tỉnh hình thực hiện …`); that prefix is cut when a title follows it.
 */
export interface ReportTitle {
  value: string;
  evidence: Span;
  /** Where the title block begins (the marker line when there is one): the letterhead ends here. */
  blockStart: number;
}

const MARKER = /^\s*BÁO\s+CÁO(?:\s+(\S.*?))?\s*$/u;
const STAMP_LINE = /^\s*(?:ĐẾN|Đến)\b.*(?:Ngày|ngày)|^\s*(?:Chuyển|Chuyên|CHUYỂN)\s*:|^\s*[-_=.|]{1,}\s*$/u;
const HEADING_LINE = /^\s*(?:Phần\s+thứ|PHẦN\s|[IVX]+\.\s|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|Kính\s+gửi|KÍNH\s+GỬI|Căn\s+cứ|-\s|\+\s|•)/u;
const STAMP_PREFIX = /^(\s*Số\s*[:.]?\s*\S+\s+)(?=\p{Lu})/u;
const SUBJECT = /cải\s+cách\s+hành\s+chính|CCHC|báo\s+cáo|tổng\s+kết|sơ\s+kết|kết\s+quả|tình\s+hình/iu;
const MAX_TITLE_LINES = 4;

export function detectTitle(page: PageView): ReportTitle | undefined {
  const lines = linesOf(page.view);
  return byMarker(page, lines) ?? byFirstLines(page, lines);
}

function byMarker(page: PageView, lines: Line[]): ReportTitle | undefined {
  const markerIndex = lines.slice(0, 60).findIndex((l) => MARKER.test(l.text));
  const marker = lines[markerIndex];
  if (!marker) return undefined;
  const picked: { start: number; end: number }[] = [];
  const rest = MARKER.exec(marker.text)?.[1];
  if (rest !== undefined && rest === rest.toUpperCase()) {
    const at = marker.start + marker.text.indexOf(rest);
    picked.push({ start: at, end: marker.end });
  }
  let blanks = 0;
  for (const line of lines.slice(markerIndex + 1)) {
    if (line.text.trim() === '') {
      if (picked.length > 0 || blanks >= 2) break;
      blanks += 1;
      continue;
    }
    if (STAMP_LINE.test(line.text) || HEADING_LINE.test(line.text) || line.text.trim().length > 250) break;
    // A line ending a sentence is body text: titles carry no final full stop or colon.
    if (picked.length > 0 && /[.:]\s*$/u.test(line.text) && !/\d[.:]\s*$/u.test(line.text)) break;
    let start = line.start;
    if (picked.length === 0) {
      const prefix = STAMP_PREFIX.exec(line.text)?.[1];
      if (prefix && line.text.slice(prefix.length).trim().split(/\s+/).length >= 4) start += prefix.length;
    }
    picked.push({ start, end: line.end });
    if (picked.length >= MAX_TITLE_LINES) break;
  }
  const first = picked[0];
  const last = picked[picked.length - 1];
  if (!first || !last) return undefined;
  return build(page, first.start, last.end, marker.start);
}

function byFirstLines(page: PageView, lines: Line[]): ReportTitle | undefined {
  let seen = 0;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    if (text.length > 300 || seen >= 4) return undefined;
    seen += 1;
    const words = text.split(/\s+/).length;
    if (words >= 6 && SUBJECT.test(text) && !/^Số\b/u.test(text) && !/,\s*ngày\s+\d/u.test(text) && !/[.;:]\/?\.?$/u.test(text)) {
      return build(page, line.start, line.end, line.start);
    }
  }
  return undefined;
}

function build(page: PageView, start: number, end: number, blockStart: number): ReportTitle | undefined {
  const evidence = spanOf(page, start, end);
  const value = collapseSpaces(page.view.slice(evidence.start, evidence.end));
  if (value.length === 0) return undefined;
  return { value, evidence, blockStart };
}
