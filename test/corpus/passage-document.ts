import type { Block, StructuredDocument } from '../../services/parser/document-model.ts';

/**
 * A corpus passage as the extractors see a DOCX: one page; each line a paragraph, and runs of
 * lines with cells separated by ` | ` a table (one row a line, cells joined by `\t` in the
 * page text, as the document model lays tables out).
 */
export function passageDocument(text: string): StructuredDocument {
  let out = '';
  const blocks: Block[] = [];
  const lines = text.normalize('NFC').split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter((l) => l !== '');
  for (let i = 0; i < lines.length;) {
    if (!lines[i]!.includes(' | ')) {
      blocks.push({ kind: 'paragraph', index: blocks.length, start: out.length, end: out.length + lines[i]!.length });
      out += `${lines[i]}\n`;
      i += 1;
      continue;
    }
    const start = out.length;
    const rows: Extract<Block, { kind: 'table' }>['rows'] = [];
    for (; i < lines.length && lines[i]!.includes(' | '); i += 1) {
      const cells = lines[i]!.split(' | ').map((c) => c.trim());
      const row: typeof rows[number] = { cells: [] };
      cells.forEach((cell, c) => {
        row.cells.push({ start: out.length, end: out.length + cell.length });
        out += cell + (c < cells.length - 1 ? '\t' : '');
      });
      out += '\n';
      rows.push(row);
    }
    blocks.push({ kind: 'table', index: blocks.length, start, end: out.length - 1, rows });
  }
  return { engine: 'corpus-text', pages: [{ page: 1, text: out, blocks }], warnings: [] };
}
