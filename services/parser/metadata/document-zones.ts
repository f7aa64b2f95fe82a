import { firstTextPage, linesOf, sentenceEnd, type PageView } from './page-view.ts';
import { detectTitle, type ReportTitle } from './report-title.ts';
import { anyCase } from '../../text/vietnamese-text.ts';

/**
 * The parts of a report where it states what it is, each a page range:
 *
 *   header   the letterhead on the first page with text, from its top to the title block
 *            (or to the first line longer than 100 characters or ending a sentence, or at
 *            most 15 non-empty lines), if it holds a letterhead cue (UBND, SỞ, CỘNG HÒA, Số:):
 *              ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *              XÃ QUẢNG NGẠN              Độc lập - Tự do - Hạnh phúc
 *              Số: 17/BC-UBND             Quảng Ngạn, ngày 29 tháng 4 năm 2020
 *   title    see report-title.ts
 *   intro    the opening: INTRO_CHARS characters after the title (or the header, or the top)
 *   closing  each `Trên đây là báo cáo …` sentence, on any page
 *
 * Everything else is body. Detectors weigh what they find by zone.
 */
export interface Zone {
  page: number;
  start: number;
  end: number;
}

export interface DocumentZones {
  first?: PageView;
  header?: Zone;
  title?: ReportTitle;
  intro?: Zone;
  closing: Zone[];
}

/** How far the opening reaches, in characters: about the first two paragraphs of a report. */
export const INTRO_CHARS = 1500;
const HEADER_MAX_LINES = 15;
/** Letterhead lines are short; a PDF that merges the two header columns gives about 60 characters. */
const HEADER_LINE_CHARS = 100;
/** What only a letterhead has: the issuing body, the national motto, a document number. */
const LETTERHEAD = /UBND|Ủ[YỶ]\s+BAN\s+NHÂN\s+DÂN|U[ỶỸ]\s+BAN\s+NHÂN\s+DÂN|Ủy\s+ban\s+nhân\s+dân|(?:^|\n)\s*(?:SỞ|PHÒNG|BAN|VĂN\s+PHÒNG)\s|CỘNG\s+H[OÒ][AÀ]|Độc\s+lập|(?:^|\n)\s*Số\s*:/u;
const CLOSING = new RegExp(`${anyCase('trên đây là')}\\s+(?:${anyCase('báo cáo')}|${anyCase('kết quả')}|${anyCase('tình hình')})`, 'gu');

export function findZones(pages: PageView[]): DocumentZones {
  const first = firstTextPage(pages);
  const closing = pages.flatMap((p) => [...p.view.matchAll(CLOSING)].map((m) => ({ page: p.page, start: m.index, end: sentenceEnd(p.view, m.index) })));
  if (!first) return { closing };
  const title = detectTitle(first);
  const header = headerZone(first, title?.blockStart);
  const introStart = title?.evidence.end ?? header?.end ?? 0;
  const intro = { page: first.page, start: introStart, end: Math.min(first.view.length, introStart + INTRO_CHARS) };
  return { first, ...(header ? { header } : {}), ...(title ? { title } : {}), intro, closing };
}

function headerZone(page: PageView, titleStart: number | undefined): Zone | undefined {
  let end = 0;
  let seen = 0;
  for (const line of linesOf(page.view)) {
    if (titleStart !== undefined && line.start >= titleStart) break;
    const text = line.text.trim();
    if (text.length > HEADER_LINE_CHARS || /[.;]$/u.test(text)) break;
    if (text !== '') seen += 1;
    if (seen > HEADER_MAX_LINES) break;
    end = line.end;
  }
  if (end === 0 || !LETTERHEAD.test(page.view.slice(0, end))) return undefined;
  return { page: page.page, start: 0, end };
}

export function inZone(zone: Zone | undefined, page: number, offset: number): boolean {
  return zone !== undefined && zone.page === page && offset >= zone.start && offset < zone.end;
}
