// Seed text → ReportBlocks. The seeds are plain text or light markdown copied out of real
// reports; the parser decides structure and layout only. Each block's text is the seed's text
// with nothing but markdown syntax and layout whitespace removed, so every figure, word and
// typo survives (the product has to find the inconsistencies these reports really contain).
import { inlineToPlain } from './inline-markup.ts';
import type { HeadingLevel, ParagraphRole, ReportBlock } from './report-model.ts';
import {
  detectHeaderRows,
  isPipeRow,
  isPipeSeparator,
  isTabRow,
  padRows,
  splitPipeRow,
  splitTabRow,
} from './table-text.ts';

/** One logical line: source lines joined by markdown hard breaks ("  " at line end). */
interface LineUnit {
  readonly kind: 'line';
  readonly text: string;
  /** Width of the whitespace (spaces, NBSP) the seed used to push the line right. */
  readonly indent: number;
}

interface TableUnit {
  readonly kind: 'table';
  readonly rows: string[][];
  readonly firstRowIsHeader: boolean;
}

type Unit = LineUnit | TableUnit;

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const LIST_MARKER = /^[-+•](?=\s|\p{Lu}|\d)/u;
const NUMBERED = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[a-zđ][).])\s+\S/u;
const ROMAN_HEADING = /^[IVXLC]+\.\s+\S/;
const MULTI_LEVEL_HEADING = /^\d+\.\d+(?:\.\d+)*\.?\s+\S/;
const SINGLE_LEVEL_HEADING = /^\d+\.\s+\S/;
const LETTER_HEADING = /^[a-zđ][).]\s+\S/u;
const FOOTNOTE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s/;
const SIGNATURE_OPENER = /^(?:TM|KT|TL|TUQ|Q)\.\s/;
const PLACE_DATE = /^[\p{L} .-]{2,40}, ngày .{1,12} tháng .{1,12} năm \d{4}\.?$/u;
const DOCUMENT_NUMBER = /^Số\s*:/;
const APPENDIX = /^Phụ lục\s+\d+/;
/** A run of leading whitespace this wide is layout ("right-align this"), not an indent. */
const RIGHT_ALIGN_INDENT = 20;

const LEADING_SPACE = /^[\s\u00A0]*/;
const TRAILING_SPACE = /[\s\u00A0]+$/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function splitIntoSourceBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function toUnits(block: readonly string[]): Unit[] {
  const units: Unit[] = [];
  let index = 0;
  while (index < block.length) {
    const line = block[index] ?? '';
    if (isTabRow(line)) {
      const rows: string[][] = [];
      while (index < block.length && isTabRow(block[index] ?? '')) rows.push(splitTabRow(block[index++] ?? ''));
      units.push({ kind: 'table', rows: padRows(rows), firstRowIsHeader: false });
      continue;
    }
    if (isPipeRow(line)) {
      const rows: string[][] = [];
      let hasSeparator = false;
      while (index < block.length && isPipeRow(block[index] ?? '')) {
        const row = block[index++] ?? '';
        if (isPipeSeparator(row)) hasSeparator = true;
        else rows.push(splitPipeRow(row));
      }
      units.push({ kind: 'table', rows: padRows(rows), firstRowIsHeader: hasSeparator });
      continue;
    }
    const indent = (LEADING_SPACE.exec(line)?.[0] ?? '').length;
    const parts = [line.trim()];
    // Markdown hard break: two or more plain spaces end the line and the next line continues it.
    let source = line;
    while (/ {2,}$/.test(source) && index + 1 < block.length && !isTabRow(block[index + 1] ?? '')) {
      index += 1;
      source = block[index] ?? '';
      parts.push(source.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, ''));
    }
    units.push({ kind: 'line', text: parts.map((part) => part.replace(TRAILING_SPACE, '')).join('\n'), indent });
    index += 1;
  }
  return units;
}

function hasLowercase(text: string): boolean {
  return /\p{Ll}/u.test(text);
}

/** Centred-title text: all capitals (unit names, BÁO CÁO), part titles and appendix captions. */
function isTitleText(plain: string): boolean {
  if (/^Phần thứ\s/.test(plain) || APPENDIX.test(plain)) return true;
  const letters = plain.match(/\p{L}/gu) ?? [];
  return (
    letters.length >= 3 &&
    !hasLowercase(plain) &&
    plain.length <= 160 &&
    !/^(?:[IVXLC]+|\d+(?:\.\d+)*)\./.test(plain)
  );
}

/** Numbered section lines of plain-text seeds that read as headings rather than list items. */
function numberedHeadingLevel(plain: string): HeadingLevel | undefined {
  const single = plain.replace(/\n/g, ' ');
  if (ROMAN_HEADING.test(single) && single.length <= 160) return 2;
  if (MULTI_LEVEL_HEADING.test(single) && single.length <= 200) return 4;
  // A sentence ending in "." or ";" is an enumerated task ("7. Triển khai … địa phương."), not a title.
  if (SINGLE_LEVEL_HEADING.test(single) && single.length <= 120 && !/[.;]$/.test(single)) return 3;
  if (LETTER_HEADING.test(single) && single.length <= 250) return 5;
  return undefined;
}

interface ParserState {
  /** The previous block was a title (BÁO CÁO, Phụ lục n) whose subject line follows. */
  expectSubject: boolean;
  /** Still inside the TM./KT. signature block. */
  inSignature: boolean;
  /** The previous source block was a signature, so a short name line may follow. */
  afterSignature: boolean;
  /** Inside the "Nơi nhận:" list. */
  inRecipients: boolean;
  /** First row of the last table, to spot the continuation of a table split by a page break. */
  lastTableHeader: string | undefined;
}

function paragraph(text: string, role: ParagraphRole, options: { indentLevel?: 1 | 2; pageBreakBefore?: boolean } = {}): ReportBlock {
  return {
    kind: 'paragraph',
    text,
    role,
    indentLevel: options.indentLevel ?? 1,
    pageBreakBefore: options.pageBreakBefore ?? false,
  };
}

interface LineContext {
  /** Every line of the source block is a "-"/"+"/"•" item or an "n." item. */
  readonly blockIsList: boolean;
  readonly previousIndent: number | undefined;
  readonly previousWasList: boolean;
  /** The line is the whole source block (blank lines before and after). */
  readonly isOnlyUnit: boolean;
}

function classifyLine(unit: LineUnit, state: ParserState, context: LineContext): ReportBlock {
  const text = unit.text;
  const heading = MARKDOWN_HEADING.exec(text);
  const plain = inlineToPlain(heading ? (heading[2] ?? '') : text).trim();
  const pageBreakBefore = APPENDIX.test(plain);
  const expectSubject = state.expectSubject;
  state.expectSubject = false;

  if (heading) {
    // The converter behind seed 003 picked markdown levels at random ("## 2." under "#### 1."),
    // so numbering decides the outline level whenever there is one.
    const level = numberedHeadingLevel(plain) ?? (Math.min(6, heading[1]?.length ?? 1) as HeadingLevel);
    const centred = isTitleText(plain) || (expectSubject && !DOCUMENT_NUMBER.test(plain));
    state.expectSubject = plain === 'BÁO CÁO' || APPENDIX.test(plain);
    state.inRecipients = false;
    return { kind: 'heading', level, text: heading[2] ?? '', centred, pageBreakBefore };
  }
  if (FOOTNOTE.test(plain)) return paragraph(text, 'footnote');
  if (unit.indent >= RIGHT_ALIGN_INDENT) return paragraph(text, 'right');
  if (SIGNATURE_OPENER.test(plain) || state.inSignature) {
    state.inSignature = true;
    state.inRecipients = false;
    return paragraph(text, 'signature');
  }
  if (state.afterSignature && context.isOnlyUnit && plain.length <= 40 && !/\d/.test(plain) && !NUMBERED.test(plain)) {
    return paragraph(text, 'signature');
  }
  if (/^Nơi nhận/.test(plain)) {
    state.inRecipients = true;
    return paragraph(text, 'recipients-head');
  }
  const isListItem = LIST_MARKER.test(plain);
  if (isListItem) {
    const nested = context.previousWasList && context.previousIndent !== undefined && unit.indent > context.previousIndent;
    const indentLevel = nested || (unit.indent >= 2 && state.inRecipients) ? 2 : 1;
    return paragraph(text, state.inRecipients ? 'recipients' : 'list-item', { indentLevel });
  }
  state.inRecipients = false;
  if (!context.blockIsList) {
    const level = numberedHeadingLevel(plain);
    if (level !== undefined) return { kind: 'heading', level, text, centred: false, pageBreakBefore };
  }
  if (PLACE_DATE.test(plain)) return paragraph(text, 'place-date');
  if (isTitleText(plain)) {
    state.expectSubject = plain === 'BÁO CÁO' || APPENDIX.test(plain);
    return paragraph(text, 'title', { pageBreakBefore });
  }
  if (expectSubject && !DOCUMENT_NUMBER.test(plain)) return paragraph(text, 'subject');
  if (DOCUMENT_NUMBER.test(plain)) return paragraph(text, 'plain');
  // Lines stacked without blank lines (stamp text, website navigation, article headers) are
  // labels, not running text, as long as they are not sentences.
  if (!context.isOnlyUnit && plain.length <= 160 && !/[.;:,]$/.test(plain)) return paragraph(text, 'plain');
  return paragraph(text, 'body', { pageBreakBefore });
}

export function parseSeed(text: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const state: ParserState = {
    expectSubject: false,
    inSignature: false,
    afterSignature: false,
    inRecipients: false,
    lastTableHeader: undefined,
  };

  for (const sourceBlock of splitIntoSourceBlocks(text.split('\n'))) {
    const units = toUnits(sourceBlock);
    const lineUnits = units.filter((unit): unit is LineUnit => unit.kind === 'line');
    // Consecutive "1. …", "2. …" lines without blank lines between them are an enumeration.
    const blockIsList =
      lineUnits.length >= 2 &&
      lineUnits.every((unit) => {
        const plain = inlineToPlain(unit.text).trim();
        return LIST_MARKER.test(plain) || NUMBERED.test(plain);
      });
    let previous: LineUnit | undefined;

    for (const unit of units) {
      if (unit.kind === 'table') {
        const header = unit.rows[0]?.join('\t');
        const continuesPrevious = header !== undefined && header === state.lastTableHeader;
        blocks.push({
          kind: 'table',
          rows: unit.rows,
          headerRows: detectHeaderRows(unit.rows, unit.firstRowIsHeader),
          pageBreakBefore: continuesPrevious,
        });
        state.lastTableHeader = header;
        state.expectSubject = false;
        previous = undefined;
        continue;
      }
      state.lastTableHeader = undefined;
      const previousPlain = previous ? inlineToPlain(previous.text).trim() : '';
      blocks.push(
        classifyLine(unit, state, {
          blockIsList,
          previousIndent: previous?.indent,
          previousWasList: previous !== undefined && LIST_MARKER.test(previousPlain),
          isOnlyUnit: units.length === 1,
        }),
      );
      previous = unit;
    }
    // A signature runs to the end of its source block; the signer's name may follow in the next.
    state.afterSignature = state.inSignature;
    state.inSignature = false;
  }
  return blocks;
}

/** The words of a block as a reader sees them (tables: every cell), for checks against outputs. */
export function blockPlainText(block: ReportBlock): string {
  if (block.kind === 'table') return block.rows.map((row) => row.map(inlineToPlain).join('\t')).join('\n');
  return inlineToPlain(block.text);
}
