import type { CellValue } from 'exceljs';
import { formatDate, formatNumber } from './number-format.ts';

/**
 * What a cell shows, as one line of NFC text, the way it would read in the Word table it was
 * copied from:
 *
 *   number                 → formatted by its number format (number-format.ts: `12.262`, `97,1%`)
 *   date                   → dd/mm/yyyy (exceljs turns numbers with a date format into dates)
 *   text, rich text        → the text, runs joined
 *   hyperlink              → its text
 *   boolean                → TRUE / FALSE
 *   error                  → as Excel shows it (`#DIV/0!`)
 *   formula                → its cached result, shown by the rules above; never recomputed. A
 *                            formula saved without a result (written by a library, never opened in
 *                            Excel) shows nothing and is reported: `formulaWithoutResult`
 *
 * Line breaks inside a cell (Alt+Enter), tabs and runs of spaces become one space, and the text is
 * trimmed: the document model keeps each table row on one line, cells apart by tabs.
 */
export interface CellDisplay {
  text: string;
  formulaWithoutResult: boolean;
}

export function cellDisplayText(value: CellValue, numFmt: string | undefined): CellDisplay {
  if (isFormula(value)) {
    if (value.result === undefined || value.result === null) return { text: '', formulaWithoutResult: true };
    return { text: oneLine(plainValueText(value.result, numFmt)), formulaWithoutResult: false };
  }
  return { text: oneLine(plainValueText(value, numFmt)), formulaWithoutResult: false };
}

type FormulaValue = { formula?: string; sharedFormula?: string; result?: CellValue };

function isFormula(value: CellValue): value is CellValue & FormulaValue {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);
}

function plainValueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value, numFmt);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return String(value.error);
  if ('text' in value) {
    // A hyperlink's text may itself be rich text.
    const text: unknown = value.text;
    return typeof text === 'string' ? text : plainValueText(text as CellValue, numFmt);
  }
  return '';
}

function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
