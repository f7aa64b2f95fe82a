import { describe, expect, it } from 'vitest';
import type { BboxPage } from '../../../../services/parser/pdf/bbox-page.ts';
import { parseBboxTsv, popplerAvailable, readPdfBoxes, StreamingTsvParser } from '../../../../services/parser/pdf/poppler-bbox.ts';
import { minimalPdf } from '../../../support/minimal-pdf.ts';

const HEADER = 'level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const TSV = [
  HEADER,
  '1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.303937\t841.889764\t-1\t###PAGE###',
  '3\t1\t0\t0\t0\t0\t85.200000\t78.450764\t87.425000\t16.900000\t-1\t###FLOW###',
  '4\t1\t0\t0\t0\t0\t85.200000\t78.450764\t87.425000\t16.900000\t-1\t###LINE###',
  '5\t1\t0\t0\t0\t0\t85.20\t78.45\t21.61\t16.90\t100\tTìm',
  '5\t1\t0\t0\t0\t1\t110.10\t78.45\t25.99\t16.90\t100\t845.938/846.314',
  '1\t2\t0\t0\t0\t0\t0.000000\t0.000000\t612\t792\t-1\t###PAGE###',
  '1\t3\t0\t0\t0\t0\t0.000000\t0.000000\t612\t792\t-1\t###PAGE###',
  '3\t3\t0\t0\t0\t0\t-4.5\t10\t20\t5\t-1\t###FLOW###',
  '4\t3\t0\t0\t0\t0\t-4.5\t10\t20\t5\t-1\t###LINE###',
  '5\t3\t0\t0\t0\t0\t-4.5\t10\t20\t5\t100\t89,39%',
  '',
].join('\n');

describe('parseBboxTsv', () => {
  const pages = parseBboxTsv(TSV);

  it('gives every page, an empty one too, with its size', () => {
    expect(pages.map((p) => [p.width, p.height, p.blocks.length])).toEqual([[595.303937, 841.889764, 1], [612, 792, 0], [612, 792, 1]]);
  });

  it('turns left/top/width/height into corner boxes', () => {
    const line = pages[0]!.blocks[0]!.lines[0]!;
    expect(line).toMatchObject({ xMin: 85.2, yMin: 78.450764 });
    expect(line.xMax).toBeCloseTo(172.625, 6);
    expect(line.words.map((w) => w.text)).toEqual(['Tìm', '845.938/846.314']);
    expect(line.words[1]!.xMax).toBeCloseTo(136.09, 6);
  });

  it('reads negative coordinates', () => {
    expect(pages[2]!.blocks[0]!.lines[0]!.words[0]).toEqual({ xMin: -4.5, yMin: 10, xMax: 15.5, yMax: 15, text: '89,39%' });
  });

  it('gives the same pages whatever the chunks the text arrives in', () => {
    for (const size of [1, 7, 64, 1000]) {
      const got: BboxPage[] = [];
      const parser = new StreamingTsvParser((p) => got.push(p));
      for (let i = 0; i < TSV.length; i += size) parser.push(TSV.slice(i, i + size));
      parser.end();
      expect(got).toEqual(pages);
    }
  });

  it('reads a last record that has no line break', () => {
    expect(parseBboxTsv(TSV.trimEnd())).toEqual(pages);
  });

  it('ignores lines that are not records', () => {
    expect(parseBboxTsv('garbage\n\n9\tx\n')).toEqual([]);
  });
});

describe.runIf(await popplerAvailable())('readPdfBoxes (poppler)', () => {
  it('reads a blank page between two pages of text, in order', async () => {
    const pdf = minimalPdf([['Trang mot 12'], [], ['Trang ba 34']]);
    const pages = await readPdfBoxes(pdf, 'blank.pdf');
    expect(pages).toHaveLength(3);
    const words = pages.map((p) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text))).join(' '));
    expect(words).toEqual(['Trang mot 12', '', 'Trang ba 34']);
  });

  it('keeps page order when page ranges are read by several processes', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => [`Trang ${i + 1}`]);
    const pages = await readPdfBoxes(minimalPdf(texts), 'many.pdf', { parallelism: 3 });
    expect(pages.map((p) => p.blocks[0]?.lines[0]?.words[1]?.text)).toEqual(texts.map((_, i) => String(i + 1)));
  });
});
