import { runTool } from '../tool-process.ts';

/**
 * How much of each page of a PDF its images cover, from poppler's `pdfimages -list`
 * (Debian poppler-utils): page number → share of the page's area (0–1, summed over the
 * page's images, capped at 1). A scanned page is one image covering the page; a logo or a
 * chart covers a little. Masks are not counted (they belong to another image). Pages with
 * no image are absent; an unreadable listing gives an empty map (the caller then goes by
 * text alone). Only `pages` (1-based) are listed when given: poppler still parses every
 * page's content for a whole-document listing (0.2 s for 219 pages), and a born-digital
 * report has a short page or two at most. Contiguous pages share one run.
 */
export async function pdfImageCover(pdfPath: string, pageSizes: readonly { width: number; height: number }[], pages?: readonly number[], timeoutMs = 30_000): Promise<Map<number, number>> {
  const ranges = pages ? pageRanges(pages) : [undefined];
  const cover = new Map<number, number>();
  for (const range of ranges) {
    const args = range ? ['-list', '-f', String(range[0]), '-l', String(range[1]), pdfPath] : ['-list', pdfPath];
    const outcome = await runTool({ command: 'pdfimages', args, timeoutMs }).catch(() => undefined);
    if (outcome?.code === 0) for (const [page, share] of coverOf(outcome.stdout, pageSizes)) cover.set(page, share);
  }
  return cover;
}

/** Sorted page numbers as runs of consecutive pages: [3, 4, 5, 9] → [[3, 5], [9, 9]]. */
export function pageRanges(pages: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of [...new Set(pages)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && p === last[1] + 1) last[1] = p;
    else out.push([p, p]);
  }
  return out;
}

/** Parses the listing: `page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio`. */
export function coverOf(listing: string, pageSizes: readonly { width: number; height: number }[]): Map<number, number> {
  const cover = new Map<number, number>();
  for (const line of listing.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 14 || !/^\d+$/.test(cells[0]!) || cells[2] !== 'image') continue;
    const page = Number(cells[0]);
    const size = pageSizes[page - 1];
    const [w, h, xppi, yppi] = [Number(cells[3]), Number(cells[4]), Number(cells[12]), Number(cells[13])];
    if (!size || !(xppi > 0) || !(yppi > 0)) continue;
    const area = ((w / xppi) * 72 * (h / yppi) * 72) / (size.width * size.height);
    cover.set(page, Math.min(1, (cover.get(page) ?? 0) + area));
  }
  return cover;
}
