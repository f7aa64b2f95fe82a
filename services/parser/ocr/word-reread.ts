import { readCropStack, type CropStackOptions, type StackCrop } from './crop-stack.ts';
import type { GrayImage } from './raster-image.ts';
import { rewordTsvRecord, tsvWord, type TsvWord } from './tesseract-tsv.ts';

/**
 * A second reading of the words tesseract was unsure of, each on its own line.
 *
 * In a table tesseract often strings a row's numbers onto the line of the label beside them,
 * whose baseline is not theirs, and then reads `100 100 99,14` as `TUỜ TỔỦ: (H4`, with
 * confidences of 0–60. Cut out and stacked one under the other on a blank page, with room
 * around each, the same pixels read right (`--psm 6`, one block of lines). So every word
 * under REREAD_BELOW is cut out (a quarter of its height to the left and right, a fifth
 * above and below, `doubtfulWords`), all of a page's are read in one more tesseract run
 * (`crop-stack.ts`), and a word takes the second reading when that one is surer
 * (`applyRereads`). The TSV is rewritten in place:
 * text and confidence of the words reread, nothing else.
 */
export const REREAD_BELOW = 85;
const MAX_WORDS = 400;

/** An unsure word's crop, and where its record is in the TSV. */
interface Doubtful extends StackCrop {
  record: number;
  confidence: number;
}

export interface Reread {
  tsv: string;
  /** Words read again, and how many took the second reading. */
  reread: number;
  improved: number;
}

/** The unsure words of a TSV reread in a stack of their own (`doubtfulWords`, `applyRereads`). */
export async function rereadDoubtfulWords(tsv: string, image: GrayImage, opts: CropStackOptions): Promise<Reread> {
  const doubtful = doubtfulWords(tsv, image);
  return applyRereads(tsv, doubtful, await readCropStack(image, doubtful, opts));
}

/** The crops of the TSV's words read with a confidence under REREAD_BELOW (at most MAX_WORDS). */
function doubtfulWords(tsv: string, image: GrayImage): Doubtful[] {
  const doubtful: Doubtful[] = [];
  tsv.split('\n').forEach((record, i) => {
    const word = tsvWord(record);
    if (!word || word.text.trim() === '') return;
    const { confidence, left: x, top: y, width: w, height: h } = word;
    if (!(confidence < REREAD_BELOW) || doubtful.length >= MAX_WORDS) return;
    const mx = Math.round(h / 4);
    const my = Math.round(h / 5);
    const x0 = Math.max(0, x - mx);
    const y0 = Math.max(0, y - my);
    doubtful.push({ record: i, x: x0, y: y0, w: Math.min(image.width, x + w + mx) - x0, h: Math.min(image.height, y + h + my) - y0, confidence });
  });
  return doubtful;
}

/** The TSV with each doubtful word's second reading (`words[i]`, `readCropStack`) where that one is surer. */
function applyRereads(tsv: string, doubtful: readonly Doubtful[], words: readonly TsvWord[][]): Reread {
  if (doubtful.length === 0) return { tsv, reread: 0, improved: 0 };
  const records = tsv.split('\n');
  let improved = 0;
  doubtful.forEach((d, i) => {
    const reading = secondReading(words[i] ?? []);
    if (!reading || reading.confidence <= d.confidence) return;
    records[d.record] = rewordTsvRecord(records[d.record]!, reading.text, reading.confidence);
    improved += 1;
  });
  return { tsv: records.join('\n'), reread: doubtful.length, improved };
}

/**
 * A crop's second reading: its words, left to right, at their lowest confidence. One word
 * was cut out, so one line must come back (two words where tesseract had glued them,
 * `dâncấp` → `dân cấp`); lines more mean the crop took in a neighbour (a header cell's
 * lines stand close) and the reading is not the word's.
 */
function secondReading(words: readonly TsvWord[]): { text: string; confidence: number } | undefined {
  if (words.length === 0 || new Set(words.map((w) => w.line)).size > 1) return undefined;
  return {
    text: [...words].sort((a, b) => a.left - b.left).map((w) => w.text.trim()).join(' '),
    confidence: Math.min(...words.map((w) => w.confidence)),
  };
}
