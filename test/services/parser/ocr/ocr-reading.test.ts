import { describe, expect, it } from 'vitest';
import { markSuperscripts, trailingSuperscripts } from '../../../../services/parser/ocr/superscript-digits.ts';
import { mendOcrCase } from '../../../../services/parser/ocr/ocr-word-case.ts';
import { ocrNumberSpans } from '../../../../services/parser/ocr/ocr-number-spans.ts';
import { OcrPool } from '../../../../services/parser/ocr/ocr-pool.ts';
import { pageList } from '../../../../services/parser/ocr/ocr-warnings.ts';
import { coverOf, pageRanges } from '../../../../services/parser/ocr/pdf-image-cover.ts';
import { pagesNeedingOcr } from '../../../../services/parser/ocr/scanned-pdf-pages.ts';
import { spanConfidence } from '../../../../services/parser/ocr/span-confidence.ts';
import { parseOrientation } from '../../../../services/parser/ocr/tesseract-runner.ts';
import { tesseractTsvPage } from '../../../../services/parser/ocr/tesseract-tsv.ts';
import type { BboxPage } from '../../../../services/parser/pdf/bbox-page.ts';

const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
  '2\t1\t1\t0\t0\t0\t300\t400\t900\t60\t-1\t',
  '3\t1\t1\t1\t0\t0\t300\t400\t900\t60\t-1\t',
  '4\t1\t1\t1\t1\t0\t300\t400\t900\t60\t-1\t',
  '5\t1\t1\t1\t1\t1\t300\t410\t120\t40\t96.5\tTiếp',
  '5\t1\t1\t1\t1\t2\t440\t402\t130\t50\t95.1\tnhận',
  '5\t1\t1\t1\t1\t3\t600\t410\t150\t42\t61.25\t21.196',
  '5\t1\t1\t1\t1\t4\t780\t410\t10\t40\t95\t ',
  '3\t1\t1\t2\t0\t0\t300\t500\t10\t10\t-1\t',
  '4\t1\t1\t2\t1\t0\t300\t500\t10\t10\t-1\t',
  '5\t1\t1\t2\t1\t1\t300\t500\t10\t10\t0\t',
].join('\n');

describe('tesseractTsvPage', () => {
  const page = tesseractTsvPage(TSV, 72 / 300);

  it('makes each tesseract paragraph a block of lines of words, in points', () => {
    expect(page.width).toBeCloseTo(595.2, 1);
    expect(page.height).toBeCloseTo(841.92, 1);
    expect(page.blocks).toHaveLength(1);
    expect(page.blocks[0]!.lines[0]!.words.map((w) => w.text)).toEqual(['Tiếp', 'nhận', '21.196']);
    expect(page.blocks[0]!.lines[0]!.words[0]!.xMin).toBeCloseTo(72, 5);
  });

  it('gives every word of a line one font box on the line\'s baseline, as a text layer\'s words have', () => {
    // `Tiếp` and `nhận` reach below the baseline (p, ậ): `21.196` sets it, at 452 px. Its digits,
    // 42 px tall, stand 0.66 em: the type is 63.6 px, the box 0.95 em above to 0.3 em below.
    const em = 42 / 0.66;
    for (const w of page.blocks[0]!.lines[0]!.words) {
      expect(w.yMin).toBeCloseTo((452 - 0.95 * em) * 0.24, 5);
      expect(w.yMax).toBeCloseTo((452 + 0.3 * em) * 0.24, 5);
    }
  });

  it('keeps a footnote marker\'s own box, small and raised', () => {
    const marked = TSV.replace('5\t1\t1\t1\t1\t4\t780\t410\t10\t40\t95\t ', '5\t1\t1\t1\t1\t4\t752\t402\t14\t18\t90\t5');
    const words = tesseractTsvPage(marked, 1).blocks[0]!.lines[0]!.words;
    expect(words.at(-1)).toMatchObject({ text: '5', yMin: 402, yMax: 420 });
  });

  it('keeps each word\'s confidence, NFC, and drops empty words and the blocks they leave empty', () => {
    expect(page.blocks[0]!.lines[0]!.words.map((w) => w.confidence)).toEqual([96.5, 95.1, 61.25]);
    const decomposed = TSV.replace('Tiếp', 'Tiếp'.normalize('NFD'));
    expect(tesseractTsvPage(decomposed, 1).blocks[0]!.lines[0]!.words[0]!.text).toBe('Tiếp');
  });
});

describe('tesseractTsvPage with tesseract\'s line sizes', () => {
  // A 13 pt title whose words tell no size (marks everywhere), over an 11 pt table row
  // whose digits do (33 px: 50 px to the em). Tesseract sizes the lines 60 and 50 px.
  const tsv = [
    '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
    '3\t1\t1\t1\t0\t0\t300\t300\t400\t50\t-1\t',
    '4\t1\t1\t1\t1\t0\t300\t300\t400\t50\t-1\t',
    '5\t1\t1\t1\t1\t1\t300\t300\t150\t50\t96\tThống',
    '5\t1\t1\t1\t1\t2\t480\t305\t60\t45\t96\tkê',
    '3\t1\t2\t1\t0\t0\t300\t500\t200\t33\t-1\t',
    '4\t1\t2\t1\t1\t0\t300\t500\t200\t33\t-1\t',
    '5\t1\t2\t1\t1\t1\t300\t500\t80\t33\t96\t2015',
    '5\t1\t2\t1\t1\t2\t420\t500\t80\t33\t96\t2016',
  ].join('\n');
  const heights = (page: BboxPage) => page.blocks.map((b) => b.lines[0]!.words[0]!.yMax - b.lines[0]!.words[0]!.yMin);

  it('sizes a line its words cannot size by tesseract\'s measure, scaled on the lines that tell both', () => {
    const sizes = new Map([['300 300 400 50', 60], ['300 500 200 33', 50]]);
    const [title, row] = heights(tesseractTsvPage(tsv, 1, [], sizes));
    expect(row).toBeCloseTo((33 / 0.66) * 1.25, 5);
    expect(title! / row!).toBeCloseTo(60 / 50, 5);
  });

  it('without it, gives such a line the page\'s size', () => {
    const [title, row] = heights(tesseractTsvPage(tsv, 1));
    expect(title).toBeCloseTo(row!, 5);
  });
});

describe('tesseractTsvPage baselines', () => {
  // `TTĐT = 1;`, a line of a cell: `=`'s ink ends 7 px above the baseline, `TTĐT`'s on it.
  const tsv = [
    '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
    '3\t1\t1\t1\t0\t0\t300\t400\t400\t45\t-1\t',
    '4\t1\t1\t1\t1\t0\t300\t400\t400\t45\t-1\t',
    '5\t1\t1\t1\t1\t1\t300\t400\t100\t33\t96\tTTĐT',
    '5\t1\t1\t1\t1\t2\t420\t418\t20\t8\t96\t=',
    '5\t1\t1\t1\t1\t3\t460\t400\t20\t40\t96\t1;',
  ].join('\n');

  it('sets a line on the bottom of its letters, not of a sign that floats above it', () => {
    const words = tesseractTsvPage(tsv, 1).blocks[0]!.lines[0]!.words;
    const withoutSign = tesseractTsvPage(tsv.split('\n').filter((r) => !r.endsWith('\t=')).join('\n'), 1).blocks[0]!.lines[0]!.words;
    expect(words.map((w) => w.yMax)).toEqual([withoutSign[0]!.yMax, withoutSign[0]!.yMax, withoutSign[0]!.yMax]);
  });

  it('sets a line of descending words and a sign (`dựng = 0)`) by its words\' descent, not on the sign', () => {
    const line = [
      '3\t1\t1\t1\t0\t0\t300\t400\t200\t50\t-1\t', '4\t1\t1\t1\t1\t0\t300\t400\t200\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t400\t80\t50\t96\tdựng',
      '5\t1\t1\t1\t1\t2\t400\t425\t20\t8\t96\t=',
      '5\t1\t1\t1\t1\t3\t440\t405\t20\t45\t96\t0)',
    ].join('\n');
    const words = tesseractTsvPage(line, 1).blocks[0]!.lines[0]!.words;
    const withoutSign = tesseractTsvPage(line.split('\n').filter((r) => !r.endsWith('\t=')).join('\n'), 1).blocks[0]!.lines[0]!.words;
    expect(words[0]!.yMax).toBeCloseTo(withoutSign[0]!.yMax, 5);
  });

  it('sets a line of a sign alone (`-` in an STT cell) on the sign\'s ink bottom', () => {
    const dash = ['3\t1\t1\t1\t0\t0\t100\t418\t20\t4\t-1\t', '4\t1\t1\t1\t1\t0\t100\t418\t20\t4\t-1\t', '5\t1\t1\t1\t1\t1\t100\t418\t20\t4\t90\t-'].join('\n');
    const word = tesseractTsvPage(`${tsv}\n${dash.replace(/\t1\t1\t1\t/g, '\t1\t2\t1\t')}`, 1).blocks[1]!.lines[0]!.words[0]!;
    const em = (word.yMax - word.yMin) / 1.25;
    expect(word.yMax - 0.3 * em).toBeCloseTo(422, 5);
  });
});

describe('tesseractTsvPage at a table\'s column borders', () => {
  // One tesseract line strung across three header cells: `Năm` | `Năm` | `Năm 2020`.
  const header = [
    '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
    '3\t1\t1\t1\t0\t0\t300\t400\t900\t40\t-1\t',
    '4\t1\t1\t1\t1\t0\t300\t400\t900\t40\t-1\t',
    '5\t1\t1\t1\t1\t1\t300\t400\t90\t33\t96\tNăm',
    '5\t1\t1\t1\t1\t2\t450\t400\t90\t33\t96\tNăm',
    '5\t1\t1\t1\t1\t3\t600\t400\t90\t33\t96\tNăm',
    '5\t1\t1\t1\t1\t4\t700\t400\t90\t33\t96\t2020',
  ].join('\n');
  const texts = (page: BboxPage) => page.blocks.map((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' ')).join(' / '));

  it('cuts a line where a vertical rule runs between two of its words, one block per cell', () => {
    const borders = [{ x: 420, top: 350, bottom: 500 }, { x: 570, top: 350, bottom: 500 }];
    expect(texts(tesseractTsvPage(header, 1, borders))).toEqual(['Năm', 'Năm', 'Năm 2020']);
  });

  it('leaves the line whole where the rule does not reach it', () => {
    expect(texts(tesseractTsvPage(header, 1, [{ x: 420, top: 500, bottom: 900 }]))).toEqual(['Năm Năm Năm 2020']);
  });
});

describe('ocrNumberSpans and spanConfidence', () => {
  const words = tesseractTsvPage(TSV, 1);
  const text = 'Tiếp nhận 21.196 hồ sơ; 121.196 là số khác.\n';
  const reading = ocrNumberSpans(text, words, 93.4);

  it('finds each number read by OCR in the laid-out text, standing alone, with its confidence', () => {
    expect(reading).toEqual({ confidence: 93, numbers: [{ start: 10, end: 16, confidence: 61 }] });
  });

  it('gives a span the lowest confidence of the numbers in it, the page\'s mean where it holds none', () => {
    const page = { page: 1, text, blocks: [], ocr: reading };
    expect(spanConfidence(page, 0, 23)).toBe(61);
    expect(spanConfidence(page, 24, 40)).toBe(93);
    expect(spanConfidence({ page: 1, text, blocks: [] }, 0, 23)).toBeUndefined();
  });

  it('doubts every copy of a text read with low confidence once', () => {
    const twice = ocrNumberSpans('A 21.196 và B 21.196\n', words, 90);
    expect(twice.numbers.map((n) => [n.start, n.confidence])).toEqual([[2, 61], [14, 61]]);
  });
});

describe('which pages need OCR', () => {
  const page = (text: string): BboxPage => ({ width: 595, height: 842, blocks: text ? [{ xMin: 0, yMin: 0, xMax: 1, yMax: 1, lines: [{ xMin: 0, yMin: 0, xMax: 1, yMax: 1, words: text.split(' ').map((t) => ({ xMin: 0, yMin: 0, xMax: 1, yMax: 1, text: t })) }] }] : [] });
  const stamp = 'Ký bởi: Ủy ban nhân dân xã Quảng Ngạn Thời gian ký: 12.01.2024 09:10:11 +07:00';
  const body = 'Báo cáo kết quả cải cách hành chính '.repeat(10);

  it('reads pages without text, and pages a scan covers that hold only a signature stamp', () => {
    const pages = [page(body), page(''), page(stamp), page(stamp), page('PHỤ LỤC'), page('3')];
    expect(pagesNeedingOcr(pages, new Map([[3, 0.98], [4, 0.1], [6, 0.9]]))).toEqual([2, 3, 6]);
  });

  it('asks pdfimages for runs of consecutive pages', () => {
    expect(pageRanges([9, 3, 4, 5, 4])).toEqual([[3, 5], [9, 9]]);
    expect(pageRanges([])).toEqual([]);
  });

  it('measures image cover from pdfimages\' listing, counting images and not their masks', () => {
    const listing = [
      'page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio',
      '--------------------------------------------------------------------------------------------',
      '   1     0 image    1241  1754  rgb     3   8  jpeg   no         1  0   150   150  367K 5.7%',
      '   2     1 image     200   100  rgb     3   8  jpeg   no         3  0   150   150  10K 5.7%',
      '   2     2 smask     200   100  gray    1   8  image  no         4  0   150   150  1K 5.7%',
    ].join('\n');
    const cover = coverOf(listing, [{ width: 595.5, height: 842 }, { width: 595.5, height: 842 }]);
    expect(cover.get(1)).toBeCloseTo(1, 2);
    expect(cover.get(2)).toBeCloseTo((96 * 48) / (595.5 * 842), 4);
  });
});

describe('OcrPool', () => {
  it('runs at most its size at once, in arrival order, and frees a slot when a job fails', async () => {
    const pool = new OcrPool(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const job = (n: number) => pool.run(async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      if (n === 1) throw new Error('page 1 failed');
      return n;
    });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(job));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(pool.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => new OcrPool(0)).toThrow(RangeError);
  });
});

describe('small readings', () => {
  it('reads tesseract\'s orientation report', () => {
    expect(parseOrientation('Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 12.5\n')).toEqual({ rotate: 180, confidence: 12.5 });
  });

  it('writes page lists as runs', () => {
    expect(pageList([7, 1, 2, 3, 5, 8])).toBe('1–3, 5, 7–8');
  });
});

describe('mendOcrCase', () => {
  it('writes in small letters a small-letter word OCR gave a capital', () => {
    expect(['sỐ', 'nhẬn', 'tổnG'].map(mendOcrCase)).toEqual(['số', 'nhận', 'tổng']);
  });

  it('leaves capitalised words, acronyms and codes alone', () => {
    expect(['Ủy', 'UBND', 'TTHC', 'iHCC', 'KH-UBND', 'số'].map(mendOcrCase)).toEqual(['Ủy', 'UBND', 'TTHC', 'iHCC', 'KH-UBND', 'số']);
  });
});

describe('markSuperscripts', () => {
  // hOCR of `13/295`: the `5` is 23 px tall and ends 14 px above the other digits' bottom.
  const hocr = `<span class='ocrx_word' id='word_1_275' title='bbox 543 1724 678 1761; x_wconf 96'>
    <span class='ocrx_cinfo' title='x_bboxes 543 1725 561 1761; x_conf 99.5'>1</span>
    <span class='ocrx_cinfo' title='x_bboxes 567 1724 590 1761; x_conf 99.5'>3</span>
    <span class='ocrx_cinfo' title='x_bboxes 592 1725 606 1761; x_conf 99.5'>/</span>
    <span class='ocrx_cinfo' title='x_bboxes 609 1724 631 1761; x_conf 99.5'>2</span>
    <span class='ocrx_cinfo' title='x_bboxes 635 1724 659 1761; x_conf 99.5'>9</span>
    <span class='ocrx_cinfo' title='x_bboxes 663 1724 678 1747; x_conf 99.5'>5</span>
   </span>
   <span class='ocrx_word' id='word_1_276' title='bbox 700 1724 760 1761; x_wconf 96'>
    <span class='ocrx_cinfo' title='x_bboxes 700 1724 720 1761; x_conf 99'>2</span>
    <span class='ocrx_cinfo' title='x_bboxes 722 1724 742 1761; x_conf 99'>9</span>
    <span class='ocrx_cinfo' title='x_bboxes 744 1724 760 1761; x_conf 99'>5</span>
   </span>`;
  const tsv = ['5\t1\t3\t4\t1\t2\t543\t1724\t135\t37\t96.56\t13/295', '5\t1\t3\t4\t1\t3\t700\t1724\t60\t37\t96\t295'].join('\n');

  it('writes a footnote marker glued to its number as a superscript, and leaves a number of even digits alone', () => {
    expect(markSuperscripts(tsv, hocr).split('\n').map((r) => r.split('\t')[11])).toEqual(['13/29⁵', '295']);
  });

  it('needs characters before the raised digits', () => {
    expect(trailingSuperscripts([{ text: '5', top: 0, bottom: 10 }])).toBe(0);
  });
});
