// The Unicode PDF writer: what poppler (`pdftotext`, which the PDF reader runs) and pdf.js
// (its fallback) extract must be exactly the NFC text written, Vietnamese letters included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../../samples/synthetic/glyph-widths.ts';
import { writePdf, type PdfPage } from '../../../samples/synthetic/pdf-writer.ts';
import { extractPdfText } from '../../../services/parser/pdf/pdf-text-extractor.ts';

const pdftotextMissing = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error !== undefined;
const dir = mkdtempSync(join(tmpdir(), 'tonghop-pdf-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
  'ỦY BAN NHÂN DÂN XÃ PHƯỚC DÂN',
  'Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập - Tự do - Hạnh phúc',
  'Bộ phận Một cửa xã đã tiếp nhận 1.234 hồ sơ, gồm: đang giải quyết 34 hồ sơ.',
  'Tỷ lệ giải quyết đúng hạn: 1.150/1.200 hồ sơ, đạt 95,83%; “quý” Ưu ơn đ Đ ỹ ỵ ữ ẫ ặ ổ ộ ự ằ.',
];

function page(lines: readonly string[], face: 'regular' | 'bold' = 'regular'): PdfPage {
  return { texts: lines.map((text, i) => ({ x: 60, y: 80 + 18 * i, text, size: 12, face })) };
}

function pdftotext(bytes: Uint8Array, ...args: string[]): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const result = spawnSync('pdftotext', [...args, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

describe('writePdf', () => {
  it('is a PDF with an xref table whose offsets point at its objects', () => {
    const bytes = writePdf([page(LINES)]);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });

  it('gives the same bytes for the same pages', () => {
    expect(Buffer.from(writePdf([page(LINES)], { title: 'Báo cáo' })).equals(Buffer.from(writePdf([page(LINES)], { title: 'Báo cáo' })))).toBe(true);
  });

  it('refuses text it cannot encode', () => {
    expect(() => writePdf([page(['😀'])])).toThrow(RangeError);
    expect(() => writePdf([page(['a\tb'])])).toThrow(RangeError);
    expect(() => writePdf([])).toThrow(RangeError);
  });

  it('gives Vietnamese letters the width of their base letter', () => {
    expect(textWidth('Ường', 12)).toBeCloseTo(textWidth('Uong', 12));
    expect(textWidth('đ', 10, 'bold')).toBe(textWidth('d', 10, 'bold'));
  });

  it.skipIf(pdftotextMissing)('round-trips Vietnamese text through pdftotext exactly, in both faces and on every page', () => {
    const bytes = writePdf([page(LINES), page(LINES.slice(0, 2), 'bold')]);
    const pages = pdftotext(bytes, '-layout').split('\f');
    expect(pages[0]!.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(LINES);
    expect(pages[1]!.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(LINES.slice(0, 2));
    // Words as the PDF reader gets them (`pdftotext -tsv`): spaced by the glyph widths.
    const words = pdftotext(bytes, '-tsv', '-f', '1', '-l', '1').split('\n').slice(1).map((row) => row.split('\t')).filter((cols) => cols[0] === '5').map((cols) => cols[11]);
    expect(words.join(' ')).toBe(LINES.join(' '));
  });

  it('round-trips Vietnamese text through pdf.js exactly', async () => {
    const extracted = await extractPdfText(writePdf([page(LINES)]), 'round-trip.pdf');
    expect(extracted.pages[0]!.text.split('\n')).toEqual(LINES);
  });
});
