// A TableBlock as an HTML table that LibreOffice imports as a real Word table with drawn borders.
// LibreOffice's HTML import ignores borders from <style> rules and the legacy border="1"
// attribute draws grey double lines, so every cell carries its own inline border.
import { inlineToHtml, inlineToPlain } from './inline-markup.ts';
import type { TableBlock } from './report-model.ts';

const CELL_STYLE = 'border: 1px solid #000000; vertical-align: middle; font-size: 11pt';
const NUMERIC_CELL = /^[\d.,%/()\s+-]+$/;

interface HeaderCell {
  readonly text: string;
  readonly column: number;
  readonly colspan: number;
  readonly rowspan: number;
}

interface CellOptions {
  readonly header: boolean;
  /** Percent of the table width; the import honours width on cells but not on <col>. */
  readonly widthPercent: number;
  readonly narrowColumn?: boolean;
  readonly colspan?: number;
  readonly rowspan?: number;
}

function cellHtml(text: string, options: CellOptions): string {
  const plain = inlineToPlain(text).trim();
  // Figures and short verdicts ("Đạt") sit centred in their columns, as in typed appendices.
  const centred = options.header || NUMERIC_CELL.test(plain) || plain === '-' || (options.narrowColumn === true && plain.length <= 12);
  const style = `${CELL_STYLE}; text-align: ${centred ? 'center' : 'left'}${options.header ? '; font-weight: bold' : ''}`;
  const spans =
    (options.colspan && options.colspan > 1 ? ` colspan="${options.colspan}"` : '') +
    (options.rowspan && options.rowspan > 1 ? ` rowspan="${options.rowspan}"` : '');
  return `<td${spans} width="${options.widthPercent}%" style="${style}">${inlineToHtml(text)}</td>`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Relative column widths from the text they hold. Left to itself the import splits a table
 * evenly, which squeezes the description column of an appendix into a sliver.
 */
function columnWeights(table: TableBlock): number[] {
  const width = table.rows[0]?.length ?? 0;
  const body = table.rows.slice(table.headerRows);
  const [first, second] = table.rows;
  // The header label that names just this column: the sub-header row if there is one.
  const ownHeader = (column: number): string =>
    table.headerRows === 0 ? '' : inlineToPlain((table.headerRows === 2 ? second?.[column] : '') || first?.[column] || '');
  return Array.from({ length: width }, (_unused, column) => {
    const lengths = body.map((row) => inlineToPlain(row[column] ?? '').trim().length).filter((length) => length > 0);
    const longestWord = Math.max(
      0,
      ...table.rows.flatMap((row) => inlineToPlain(row[column] ?? '').split(/\s+/).map((word) => word.length)),
    );
    // Half the header length lets a long label wrap onto two lines, no more.
    return Math.min(45, Math.max(4, longestWord, median(lengths), Math.ceil(ownHeader(column).length / 2)));
  });
}

/**
 * Rebuilds the merged cells of a two-row header from the gaps the tab export left: a label
 * followed by empty cells spans them; a label with nothing below it spans both rows.
 */
function twoRowHeader(first: readonly string[], second: readonly string[]): [HeaderCell[], HeaderCell[]] {
  const top: HeaderCell[] = [];
  const bottom: HeaderCell[] = [];
  let column = 0;
  while (column < first.length) {
    const label = first[column] ?? '';
    let end = column + 1;
    if (label !== '') {
      while (end < first.length && first[end] === '') end += 1;
    }
    const below = second.slice(column, end);
    if (label !== '' && below.every((cell) => cell === '')) {
      top.push({ text: label, column, colspan: end - column, rowspan: 2 });
    } else {
      top.push({ text: label, column, colspan: end - column, rowspan: 1 });
      below.forEach((cell, offset) => bottom.push({ text: cell, column: column + offset, colspan: 1, rowspan: 1 }));
    }
    column = end;
  }
  return [top, bottom];
}

export function tableToHtml(table: TableBlock): string {
  const weights = columnWeights(table);
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const percent = weights.map((weight) => (weight / total) * 100);
  const spanPercent = (start: number, span: number): number =>
    Math.round(percent.slice(start, start + span).reduce((sum, value) => sum + value, 0));
  const narrow = weights.map((weight) => weight <= 12);
  const rowsHtml: string[] = [];
  const [first, second] = table.rows;
  if (table.headerRows === 2 && first && second) {
    const [top, bottom] = twoRowHeader(first, second);
    for (const headerRow of [top, bottom]) {
      rowsHtml.push(
        `<tr>${headerRow
          .map((cell) => cellHtml(cell.text, { header: true, widthPercent: spanPercent(cell.column, cell.colspan), colspan: cell.colspan, rowspan: cell.rowspan }))
          .join('')}</tr>`,
      );
    }
  } else if (table.headerRows === 1 && first) {
    rowsHtml.push(`<tr>${first.map((cell, column) => cellHtml(cell, { header: true, widthPercent: spanPercent(column, 1) })).join('')}</tr>`);
  }
  for (const row of table.rows.slice(table.headerRows)) {
    rowsHtml.push(
      `<tr>${row
        .map((cell, column) => cellHtml(cell, { header: false, widthPercent: spanPercent(column, 1), narrowColumn: narrow[column] ?? false }))
        .join('')}</tr>`,
    );
  }
  // width="100%" as an attribute: LibreOffice drops a CSS width on tables.
  return `<table width="100%" cellspacing="0" cellpadding="5" style="border-collapse: collapse">\n${rowsHtml.join('\n')}\n</table>`;
}
