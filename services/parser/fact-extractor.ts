import type { Fact } from '../../schemas/fact/v1.ts';
import { INDICATOR_CATALOG } from '../../schemas/indicators/catalog.ts';
import type { StructuredDocument, TableBlock } from './document-model.ts';
import { tableFacts } from './tables/table-facts.ts';
import { statementFacts } from './statements/statement-facts.ts';
import { fileRoleOf } from './statements/file-role.ts';
import { EARLY_APART } from './statements/figure-context.ts';
import { scopeCues } from './statements/figure-scope.ts';
import { matchIndicator } from './indicators/index.ts';
import { spanConfidence } from './ocr/span-confidence.ts';
import { vietnameseKey } from '../text/vietnamese-text.ts';

/**
 * A structured document → its facts, in document order, each with the catalog's
 * indicator code where one matches (services/parser/indicators/). Tables give one
 * fact per numeric cell; running text gives statements (services/parser/statements/).
 * A file count's role (its place in the flow of files) decides its indicator through the
 * catalog's `fileRoles`: `đến hạn giải quyết 19.944 hồ sơ` is hoso.due, not hoso.resolved.
 */
export type BlockFactExtractor = (reportId: string, doc: StructuredDocument) => Fact[];

export function extractFacts(reportId: string, doc: StructuredDocument, extractors: BlockFactExtractor[] = [statementFacts, extractTableFacts]): Fact[] {
  const facts = extractors.flatMap((extract) => extract(reportId, doc));
  facts.sort((a, b) => a.evidence.page - b.evidence.page || a.evidence.start - b.evidence.start);
  return facts.map((f) => withOcrConfidence(withIndicator(f), doc));
}

/** A figure read from a scanned page carries how sure OCR was of its digits (a table cell has its own already). */
function withOcrConfidence(fact: Fact, doc: StructuredDocument): Fact {
  if (fact.evidence.ocrConfidence !== undefined) return fact;
  const page = doc.pages.find((p) => p.page === fact.evidence.page);
  const ocrConfidence = spanConfidence(page, fact.evidence.start, fact.evidence.end);
  return ocrConfidence === undefined ? fact : { ...fact, evidence: { ...fact.evidence, ocrConfidence } };
}

export function extractTableFacts(reportId: string, doc: StructuredDocument): Fact[] {
  return doc.pages.flatMap((page) => page.blocks.flatMap((block) => {
    if (block.kind !== 'table') return [];
    const headers = headerText(page.text, block);
    const files = TIMELINESS.test(headers);
    // As in sentences: `đúng hạn` holds the early files unless the table has a column of its own for them.
    const earlyApart = EARLY_APART.test(headers);
    return tableFacts(reportId, page, block).map((f) => withTableReading(f, files, earlyApart));
  }));
}

const ROLE_KINDS = new Set<Fact['kind']>(['count', 'table-cell', 'breakdown']);

const FLOW_CODES = new Set(Object.values(INDICATOR_CATALOG.fileRoles?.indicators ?? {}));

function withIndicator(fact: Fact): Fact {
  if (fact.indicator) return fact;
  // `%` is a unit, not a counted noun: passed as one it would contradict every percentage's nouns.
  const noun = fact.unit && fact.unit !== '%' ? fact.unit : undefined;
  const match = matchIndicator({ label: fact.label, noun, sentence: fact.evidence.quote, kind: fact.kind });
  // The role decides among the flow's own codes; a channel (`trực tuyến`, `bưu chính`) in the
  // figure's own words stays what it is, one named elsewhere in its sentence is another figure's
  // (`… 2.099 hồ sơ, trong đó …, tiếp nhận qua dịch vụ bưu chính công ích 23 hồ sơ`).
  const byRole = fact.role && ROLE_KINDS.has(fact.kind) && /hồ sơ/iu.test(`${fact.unit} ${fact.label}`) && (!match || FLOW_CODES.has(match.code) || otherFiguresWords(match, fact))
    ? INDICATOR_CATALOG.fileRoles?.indicators[fact.role] : undefined;
  const code = byRole ?? match?.code;
  return code ? { ...fact, indicator: code } : fact;
}

/**
 * A phrase found only in the sentence belongs to the figure when it leads into the figure
 * within its clause (`Số hồ sơ tiếp nhận trực tuyến tại Bộ phận Một cửa UBND huyện là 1.623`);
 * after the figure, or past a clause break, it is another figure's (`2.099 hồ sơ, trong đó …,
 * tiếp nhận qua dịch vụ bưu chính công ích 23 hồ sơ`). Not found as written (an abbreviation
 * matched), or a figure with no place in its quote (a table cell): taken as the figure's.
 */
function otherFiguresWords(match: NonNullable<ReturnType<typeof matchIndicator>>, fact: Fact): boolean {
  const figure = fact.evidence.figure;
  if (!match.fromSentence || !figure) return false;
  // Folding keeps each character's place (vietnameseKey is one character for one), so offsets carry over.
  const quote = vietnameseKey(fact.evidence.quote);
  const alias = quote.indexOf(vietnameseKey(match.alias));
  if (alias < 0) return false;
  return alias > figure.start || /[,;:(]/u.test(quote.slice(alias, figure.start));
}

/**
 * A table cell's scope and role come from its row and column: `Cấp xã` / `Xã A` as a row,
 * `Kỳ trước chuyển sang`, `Đang giải quyết › Quá hạn` as a column of a table of files.
 */
function withTableReading(fact: Fact, files: boolean, earlyApart: boolean): Fact {
  const table = fact.table;
  if (!table) return fact;
  const words = `${table.parentRowLabel ?? ''} ${table.rowLabel} ${table.columnHeader}`;
  const read = files || /hồ sơ/iu.test(`${words} ${fact.label}`) ? fileRoleOf(`${table.rowLabel} ${table.columnHeader}`) : undefined;
  const role = read === 'on-time' && !earlyApart ? 'early-or-on-time' : read;
  const cue = lastCue(table.rowLabel) ?? lastCue(table.columnHeader);
  return {
    ...fact,
    scope: cue ? { ...cue.scope, from: 'sentence' } : { reach: 'unstated' },
    ...(role ? { role } : {}),
    certainty: 'exact',
  };
}

/**
 * A table whose headers sort results by timeliness (`Trước hạn | Đúng hạn | Trễ hạn`) counts files,
 * whatever its title calls them (`Kết quả giải quyết thủ tục hành chính`): procedures in force
 * have no deadline. Only its first rows are headers.
 */
const TIMELINESS = /trước hạn|đúng hạn|đúng hẹn|trễ hạn|trễ hẹn|quá hạn/iu;

/** The words of a table's first rows, where its headers are. */
function headerText(text: string, table: TableBlock): string {
  return table.rows.slice(0, 3).flatMap((row) => row.cells.map((cell) => text.slice(cell.start, cell.end))).join(' | ');
}

/** A table repeats its row labels and headers in every cell: their cues are read once. */
const labelCues = new Map<string, ReturnType<typeof scopeCues>[number] | undefined>();

function lastCue(label: string): ReturnType<typeof scopeCues>[number] | undefined {
  if (!labelCues.has(label)) {
    if (labelCues.size > 10_000) labelCues.clear();
    labelCues.set(label, scopeCues(label).at(-1));
  }
  return labelCues.get(label);
}
