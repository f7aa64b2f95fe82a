import type { Box } from './bbox-page.ts';

/**
 * Finds page furniture: page numbers and running headers/footers, which must not
 * become paragraphs (a page number would otherwise read as a count).
 *
 * A candidate is a block of at most two lines in the top or bottom 10 % of its page.
 * It is furniture when it is a page number (`3`, `- 3 -`, `Trang 3`, `3/17`), or when
 * the same text, digits masked, is a candidate on at least 3 pages and on at least half
 * of the pages.
 */
export interface FurnitureCandidate extends Box {
  page: number;
  pageHeight: number;
  lineCount: number;
  text: string;
}

const PAGE_NUMBER = /^(trang\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?$|^\d{1,4}\s*\/\s*\d{1,4}$/i;

export function isInMargin(c: FurnitureCandidate): boolean {
  return c.lineCount <= 2 && (c.yMax < c.pageHeight * 0.1 || c.yMin > c.pageHeight * 0.9);
}

/** Returns `page:index` keys of the furniture among the given candidates. */
export function findFurniture(candidates: (FurnitureCandidate & { key: string })[], pageCount: number): Set<string> {
  const inMargin = candidates.filter(isInMargin);
  const mask = (t: string) => t.trim().toLowerCase().replace(/\d+/g, '#');
  const pagesPerText = new Map<string, Set<number>>();
  for (const c of inMargin) {
    const key = mask(c.text);
    let pages = pagesPerText.get(key);
    if (!pages) pagesPerText.set(key, (pages = new Set()));
    pages.add(c.page);
  }
  const furniture = new Set<string>();
  for (const c of inMargin) {
    const seen = pagesPerText.get(mask(c.text))?.size ?? 0;
    if (PAGE_NUMBER.test(c.text.trim()) || (seen >= 3 && seen >= pageCount / 2)) furniture.add(c.key);
  }
  return furniture;
}
