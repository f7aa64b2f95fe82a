import { runTool } from '../tool-process.ts';

/**
 * How much of each page of a PDF its images cover, from poppler's `pdfimages -list`
 * (Debian poppler-utils): page number → share of the page's area (0–1, summed over the
 * page's images, capped at 1). A scanned page is one image covering the page; a logo or a
 * chart covers a little. Masks are not counted (they belong to another image). Pages with
 * no image are absent; an unreadable listing gives an empty map (the caller then goes by
 * text alone).
 */
export async function pdfImageCover(pdfPath: string, pageSizes: readonly { width: number; height: number }[], timeoutMs = 30_000): Promise<Map<number, number>> {
  const outcome = await runTool({ command: 'pdfimages', args: ['-list', pdfPath], timeoutMs }).catch(() => undefined);
  return outcome?.code === 0 ? coverOf(outcome.stdout, pageSizes) : new Map();
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
