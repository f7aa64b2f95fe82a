import { docx, p, paragraph, run, table } from '../../test/support/docx-builder.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';

/**
 * A report document → DOCX bytes, through the WordprocessingML builder the DOCX reader's
 * tests use. The letterhead is two blocks of paragraphs (issuer, then national motto and
 * date), headings and the title are bold paragraphs, the appendix is a Word table whose
 * first row repeats as a header. A DOCX has no pages of its own: the page break is a
 * `w:br w:type="page"` run, which readers may ignore.
 */
export function writeReportDocx(document: ReportDocument): Uint8Array {
  return docx(document.blocks.flatMap(blockXml));
}

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

function blockXml(block: ReportBlock): string[] {
  switch (block.kind) {
    case 'letterhead':
      return [...block.left.map((line, i) => p(run(line, { bold: i > 0 }))), ...block.right.map((line, i) => p(run(line, { bold: i < 2, italic: i === 2 })))];
    case 'title':
      return block.lines.map((line) => paragraph({}, run(line, { bold: true })));
    case 'heading':
      return [p(run(block.text, { bold: true }))];
    case 'paragraph':
      return [p(block.text)];
    case 'signature':
      return block.lines.map((line) => p(run(line, { bold: true })));
    case 'page-break':
      return [PAGE_BREAK];
    case 'table':
      return [table([block.header, ...block.rows], { headerRows: 1 })];
  }
}
