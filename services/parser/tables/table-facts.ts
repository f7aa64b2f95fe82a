import type { Fact } from '../../../schemas/fact/v1.ts';
import type { DocumentPage, TableBlock } from '../document-model.ts';
import { parseVietnameseNumber } from '../numbers/vietnamese-number.ts';
import { factId } from '../fact-id.ts';
import { spanConfidence } from '../ocr/span-confidence.ts';
import { tableMatrix, type MatrixSlot } from './table-matrix.ts';

/**
 * Appendix and summary tables → one `table-cell` fact per number, with its row label,
 * column header and row hierarchy.
 *
 *   header rows   the rows above the first row holding a number outside the STT column
 *   STT column    column 0 when a header row says STT/TT there (not only the first: a
 *                 title row spanning the table can stand above, as OCR's ruled cells
 *                 give it), or its body holds only ordinals
 *                 (`1`, `2`, `I`, `a`, `-`, `+`)
 *   row label     the first non-STT cell of the row that is not a number
 *   parent row    a row whose STT is `-` or `+` (or empty) belongs to the last numbered row
 *   column header the distinct header texts above the column, joined with ` › `
 *   period        a year in the column header (`Năm 2016` → 2016)
 * Evidence is the row as it stands in the page text; the quote names label and number.
 */
const ORDINAL = /^(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ]|[-+–•*])\.?\)?$/u;
const STT_HEADER = /^(?:stt|tt|số tt|số thứ tự)$/iu;
const PERCENT_CELL = /^(.*?)\s*%$/;

function cellNumber(text: string): { value: number; percent: boolean } | undefined {
  const percent = PERCENT_CELL.exec(text);
  const parsed = parseVietnameseNumber((percent ? percent[1]! : text).trim());
  return parsed ? { value: parsed.value, percent: Boolean(percent) } : undefined;
}

export function tableFacts(reportId: string, page: DocumentPage, table: TableBlock): Fact[] {
  const grid = tableMatrix(page, table);
  const width = grid[0]?.length ?? 0;
  const isNumberAt = (r: number, c: number) => {
    const slot = grid[r]?.[c];
    return slot !== undefined && slot.origin && cellNumber(slot.text) !== undefined;
  };
  const bodyStart = grid.findIndex((row, r) => row.some((_, c) => c > 0 && isNumberAt(r, c)));
  if (bodyStart < 0) return [];
  const headerTexts = (c: number) => distinct(grid.slice(0, bodyStart).map((row) => row[c]?.text ?? '').filter((t) => t !== ''));
  const sttColumn = headerTexts(0).some((t) => STT_HEADER.test(t))
    || grid.slice(bodyStart).every((row) => ORDINAL.test(row[0]?.text ?? '') || (row[0]?.text ?? '') === '');
  const facts: Fact[] = [];
  let parent: string | undefined;
  for (let r = bodyStart; r < grid.length; r++) {
    const row = grid[r]!;
    const stt = sttColumn ? (row[0]?.text ?? '') : '';
    const labelSlot = row.find((slot, c) => (!sttColumn || c > 0) && slot !== undefined && slot.text !== '' && !cellNumber(slot.text));
    const label = labelSlot?.text ?? stt;
    const isChild = sttColumn && (/^[-+–•*]$/.test(stt) || stt === '');
    if (!isChild) parent = label;
    const rowSlots = row.filter((s): s is MatrixSlot => s !== undefined);
    const rowStart = Math.min(...rowSlots.map((s) => s.cell.start));
    const rowEnd = Math.max(...rowSlots.map((s) => s.cell.end));
    for (let c = sttColumn ? 1 : 0; c < width; c++) {
      const slot = row[c];
      if (!slot?.origin) continue;
      const number = cellNumber(slot.text);
      if (!number) continue;
      const columnHeader = headerTexts(c).join(' › ');
      const year = /\b(19[7-9]\d|20\d\d)\b/.exec(columnHeader)?.[1];
      facts.push({
        id: factId(reportId, page.page, slot.cell.start, slot.cell.end, 'table-cell'),
        reportId,
        kind: 'table-cell',
        label,
        value: number.value,
        unit: number.percent ? '%' : '',
        ...(year ? { period: year } : {}),
        table: {
          index: table.index, row: r, column: c, rowLabel: label, columnHeader,
          ...(isChild && parent !== undefined && parent !== label ? { parentRowLabel: parent } : {}),
        },
        evidence: {
          reportId, page: page.page, start: rowStart, end: rowEnd, quote: page.text.slice(rowStart, rowEnd).replace(/\t/g, ' | '),
          ...withConfidence(spanConfidence(page, slot.cell.start, slot.cell.end)),
        },
      });
    }
  }
  return facts;
}

const withConfidence = (ocrConfidence: number | undefined) => (ocrConfidence === undefined ? {} : { ocrConfidence });

function distinct(texts: string[]): string[] {
  return texts.filter((t, i) => texts.indexOf(t) === i);
}
