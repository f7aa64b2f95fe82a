import { toScriptDigits } from '../numbers/script-digits.ts';
import { rewordTsvRecord, tsvWord } from './tesseract-tsv.ts';

/**
 * Footnote markers that tesseract glued to the word before them: `13/29⁵` comes out as the
 * word `13/295`, `43/43⁸` as `43/438`, and a ratio of 13 to 295 would be checked. The TSV
 * has no character boxes; the hOCR of the same run has (`hocr_char_boxes`). A word's
 * trailing digits are a superscript when each of them is under 80 % as tall as the word's
 * other characters and ends a quarter of their height or more above their bottom. They are
 * written as Unicode superscripts (`13/29⁵`), as the layout writes a text layer's raised
 * digits (`pdf/line-text.ts`), so no number takes them in.
 *
 * hOCR words are matched to TSV words by their box (the same run writes both).
 */
interface Glyph {
  text: string;
  top: number;
  bottom: number;
}

export function markSuperscripts(tsv: string, hocr: string): string {
  const raised = new Map<string, number>();
  for (const segment of hocr.split("class='ocrx_word'").slice(1)) {
    const box = /title='bbox (\d+) (\d+) (\d+) (\d+)/.exec(segment);
    if (!box) continue;
    const glyphs: Glyph[] = [];
    for (const c of segment.matchAll(/class='ocrx_cinfo' title='x_bboxes (\d+) (\d+) (\d+) (\d+)[^']*'>([^<]*)</g)) {
      glyphs.push({ text: decodeEntities(c[5]!), top: Number(c[2]), bottom: Number(c[4]) });
    }
    const count = trailingSuperscripts(glyphs);
    if (count > 0) {
      const [x0, y0, x1, y1] = box.slice(1, 5).map(Number) as [number, number, number, number];
      raised.set(`${x0} ${y0} ${x1 - x0} ${y1 - y0}`, count);
    }
  }
  if (raised.size === 0) return tsv;
  return tsv.split('\n').map((record) => {
    const word = tsvWord(record);
    const count = word && raised.get(`${word.left} ${word.top} ${word.width} ${word.height}`);
    if (!word || !count) return record;
    const chars = [...word.text];
    const tail = chars.slice(chars.length - count).join('');
    if (!/^[0-9]+$/.test(tail)) return record;
    return rewordTsvRecord(record, chars.slice(0, chars.length - count).join('') + toScriptDigits(tail, 'sup'));
  }).join('\n');
}

/** How many digits at the end of a word are raised and small (0: none, or nothing before them). */
export function trailingSuperscripts(glyphs: readonly Glyph[]): number {
  let count = 0;
  while (count < glyphs.length && /^\d$/.test(glyphs[glyphs.length - 1 - count]!.text)) count += 1;
  const body = glyphs.slice(0, glyphs.length - count).filter((g) => /[\p{L}\p{N}]/u.test(g.text));
  if (count === 0 || body.length === 0) return 0;
  const bottom = Math.max(...body.map((g) => g.bottom));
  const height = Math.max(...body.map((g) => g.bottom - g.top));
  let raised = 0;
  for (let i = glyphs.length - 1; i >= glyphs.length - count; i -= 1) {
    const g = glyphs[i]!;
    if (g.bottom - g.top < 0.8 * height && g.bottom <= bottom - 0.25 * height) raised += 1;
    else break;
  }
  return raised;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e] ?? _);
}
