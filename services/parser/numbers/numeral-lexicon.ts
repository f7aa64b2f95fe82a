import { cue, isLetterCode, isSpaceCode, isSuperscriptCode, wordCue } from './scan-anchor.ts';

/**
 * The words around a number that decide how it is read. Patterns are matched against NFC
 * text case-insensitively (`Năm`, `NĂM`, `năm`) unless said otherwise. Cues before a number
 * are `cue(pattern ending in $, words it can end with)`; words after it are
 * `wordCue(sticky pattern, words it can start with)`: the word lists let the scanner skip a
 * pattern without running it (see `scan-anchor.ts`).
 *
 *   H            horizontal space inside a line: space, no-break space, thin spaces. Never a
 *                tab or a newline, so no cue reaches across a table cell or a line.
 *   NOT_LETTER   a position not inside a word (for "word boundary" in Vietnamese: \b is ASCII-only).
 *   count nouns  nouns that follow a count in these reports (`18/18 xã`, `44/44 ý kiến`,
 *                `32/38 phần việc`): after `a/b` they make it a ratio, after `2019` a quantity.
 *                Time words (`năm`, `tháng`, `ngày`) are deliberately absent: after `30/6`
 *                they continue a date, they do not count anything.
 */
export const H = '[ \\u00a0\\u2009\\u202f]';
/**
 * The letters of Vietnamese text: ASCII, Latin-1, Latin Extended-A/B (ă đ ĩ ũ ơ ư) and
 * Latin Extended Additional (ạ … ỹ); the text is NFC, so no combining marks. Narrower than `\p{L}` on purpose:
 * a Unicode property class makes each case-insensitive pattern cost about 3 ms to compile,
 * and this layer has dozens of them.
 */
export const LETTER_CLASS = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';
/** Upper-case letters that open a Vietnamese title (Latin Extended Additional mixes cases; close enough for a lookahead). */
export const UPPER_CLASS = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0102\\u0110\\u0128\\u0168\\u01A0\\u01AF\\u1EA0-\\u1EF8';
export const NOT_LETTER = `(?<![${LETTER_CLASS}])`;
export const WORD_END = `(?![${LETTER_CLASS}])`;
/** Superscript digits: footnote markers, skipped when looking at the word after a number. */
export const SUPERSCRIPT_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

const COUNT_NOUNS = [
  // places and bodies
  'xã', 'phường', 'thị trấn', 'thị xã', 'huyện', 'quận', 'tỉnh', 'thành phố', 'thôn', 'ấp', 'tổ dân phố', 'khu phố',
  'đơn vị', 'cơ quan', 'sở', 'ban ngành', 'ban, ngành', 'ngành', 'phòng', 'UBND', 'HĐND', 'trường', 'bộ phận',
  'trung tâm', 'văn phòng', 'cơ sở', 'doanh nghiệp', 'hộ', 'tổ chức', 'cá nhân', 'tập thể', 'cổng', 'trang', 'điểm cầu',
  // papers and procedures
  'hồ sơ', 'TTHC', 'thủ tục', 'văn bản', 'VBQPPL', 'QPPL', 'quyết định', 'nghị quyết', 'kế hoạch', 'đề án', 'dự án',
  'chương trình', 'quy trình', 'lĩnh vực', 'dịch vụ', 'DVC', 'ý kiến', 'phản ánh', 'kiến nghị', 'PAKN', 'câu hỏi',
  'phiếu', 'mẫu', 'tin', 'bài', 'chuyên mục', 'chuyên trang', 'phóng sự', 'tài khoản', 'chữ ký số', 'máy',
  // tasks and criteria
  'phần việc', 'việc', 'nhiệm vụ', 'tiêu chí', 'chỉ tiêu', 'nội dung', 'mô hình', 'sáng kiến', 'đề tài', 'hạng mục',
  'công trình', 'giải pháp',
  // people
  'người', 'cán bộ', 'công chức', 'viên chức', 'CBCC', 'CBCCVC', 'CCVC', 'lao động', 'trường hợp', 'lượt',
  'học viên', 'thí sinh', 'đại biểu', 'thành viên', 'chức danh', 'biên chế', 'định biên', 'vị trí', 'đồng chí',
  // events
  'lớp', 'cuộc', 'buổi', 'đợt', 'lần', 'hội nghị', 'điểm',
];

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, `${H}+`);
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

// Looked up word by word rather than by one large case-insensitive regular expression: the
// lookup runs after most numbers, and such an expression costs milliseconds to compile.
const COUNT_NOUN_SET: ReadonlySet<string> = new Set(COUNT_NOUNS.map((noun) => noun.toLowerCase().replace(/,/g, '')));
const LONGEST_NOUN = Math.max(...COUNT_NOUNS.map((noun) => noun.split(' ').length));
/** Whether a count noun starts at `from`, past footnote markers and spaces (`12/12⁴ đơn vị`). */
export function countNounAfter(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (isSpaceCode(text.charCodeAt(i)) || isSuperscriptCode(text.charCodeAt(i)))) i++;
  let phrase = '';
  for (let words = 0; words < LONGEST_NOUN; words++) {
    const start = i;
    while (i < text.length && isLetterCode(text.charCodeAt(i))) i++;
    if (i === start) return false;
    phrase = phrase === '' ? text.slice(start, i).toLowerCase() : `${phrase} ${text.slice(start, i).toLowerCase()}`;
    if (COUNT_NOUN_SET.has(phrase)) return true;
    while (i < text.length && (isSpaceCode(text.charCodeAt(i)) || text.charCodeAt(i) === 44)) i++;
  }
  return false;
}

/** Units of time: after a cue such as `kỳ` (`định kỳ 6 tháng`), the number is a duration, not an index. */
const TIME_UNITS = ['năm', 'tháng', 'ngày', 'tuần', 'quý', 'giờ', 'phút'];
export const TIME_UNIT_AHEAD = wordCue(new RegExp(`${H}*(?:${TIME_UNITS.join('|')})${WORD_END}`, 'iuy'), TIME_UNITS);

/**
 * Document types that name a numbered document. Strong types take a bare number
 * (`Nghị định 68`, `Kế hoạch 191 ngày …`); the others only with `số` (`Báo cáo số 5`).
 */
const STRONG_DOCUMENT_TYPES = [
  'nghị định', 'nghị quyết', 'quyết định', 'kế hoạch', 'công văn', 'thông tư liên tịch', 'thông tư', 'chỉ thị',
  'thông báo', 'tờ trình', 'công điện', 'thông tri',
];
const WEAK_DOCUMENT_TYPES = [
  'báo cáo', 'văn bản', 'chương trình hành động', 'chương trình', 'đề án', 'luật', 'pháp lệnh', 'kết luận', 'quy định',
  'quy chế', 'hướng dẫn', 'giấy mời', 'giấy phép', 'hiến pháp',
];
/** `Quyết định số`, `Kế hoạch\u00a0 số:`, `Nghị định` … just before the number. */
export const DOCUMENT_CUE_BEHIND = cue(
  new RegExp(
    `${NOT_LETTER}(?:(?:${alternation([...STRONG_DOCUMENT_TYPES, ...WEAK_DOCUMENT_TYPES])})${H}*(${escape('số')})|(${alternation(STRONG_DOCUMENT_TYPES)}))${H}*:?${H}*$`,
    'iu',
  ),
  [
    'số', 'định', 'quyết', 'hoạch', 'văn', 'tư', 'tịch', 'thị', 'báo', 'trình', 'điện', 'tri', 'cáo', 'bản', 'động', 'án',
    'luật', 'lệnh', 'luận', 'chế', 'dẫn', 'mời', 'phép', 'pháp',
  ],
);
/** `Số: 17/BC-UBND` as a report's header line (a bare `số 987` is a count: `tổng số 987`). */
export const HEADER_NUMBER_CUE = new RegExp(`^(?:[ \\t#*>]|<[^>\\n]{1,20}>)*số${H}*:${H}*$`, 'iu');
/** The code part of a document number: `NĐ`, `QĐ`, `UBND`, `TTg`, `CTr`, `QĐHC`, `QH13`. */
export const DOCUMENT_CODE = `[A-ZĐ][A-Za-zĐđ0-9&]*${WORD_END}`;

/** Cues that make a following number an index, and whether they yield to a count noun after it. */
export const ORDINAL_CUE_BEHIND = cue(
  new RegExp(
    `${NOT_LETTER}(lần${H}+thứ|phần${H}+thứ|thứ|phụ${H}+lục|điều|khoản|chương|tiểu${H}+mục|(?<!danh${H}+)mục|phần|trang|giai${H}+đoạn|loại|hạng|bước|nhóm|(?<!định${H}+)kỳ|đợt|khóa|khoá|lần|phường|quận)${H}*$`,
    'iu',
  ),
  ['thứ', 'lục', 'điều', 'khoản', 'chương', 'mục', 'phần', 'trang', 'đoạn', 'loại', 'hạng', 'bước', 'nhóm', 'kỳ', 'đợt', 'khóa',
    'khoá', 'lần', 'phường', 'quận'],
);
/** Ordinal cues that are common words too (`trang` page/website, `đợt` round): a count noun after the number overrides them. */
export const WEAK_ORDINAL_CUE = /^(?:trang|giai.đoạn|loại|hạng|bước|nhóm|kỳ|đợt|khóa|khoá|lần|mục|tiểu.mục)$/iu;

/** `mức độ 3`, `cấp độ 2`: the number that follows is a level. */
export const LEVEL_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}((?:mức|cấp)${H}+độ)${H}*$`, 'iu'),
  ['độ'],
);
export const LEVEL_CUE = `(?:mức|cấp)${H}+độ`;

/** `ISO 9001`, `TCVN ISO 9001`, `TCVN 9001`, `ISO: 9001-2008`, `ISO/IEC 27001` (case-sensitive). */
export const STANDARD_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}((?:TCVN${H}*)?(?:ISO|TCVN|IEC)(?:\\/IEC)?)${H}*:?${H}*$`, 'u'),
  ['iso', 'tcvn', 'iec'],
);

/** Year cues: `năm 2016`, `so với năm 2018`, `giai đoạn 2016`, `nhiệm kỳ 2021`, with the seeds' misspellings `gian đoạn`, `gia đoạn`. */
export const YEAR_CUE_BEHIND = cue(
  new RegExp(
    `${NOT_LETTER}(?:năm|gia(?:i|n)?${H}+đoạn|nhiệm${H}+kỳ|niên${H}+(?:khóa|khoá|độ))${H}*:?${H}*$`,
    'iu',
  ),
  ['năm', 'đoạn', 'kỳ', 'khóa', 'khoá', 'độ'],
);

/** Words that mark a calendar point before `d/m`: always a date after `ngày`. */
export const STRONG_DATE_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}(?:ngày|hôm|sáng|chiều|tối|đêm)${H}*:?${H}*$`, 'iu'),
  ['ngày', 'hôm', 'sáng', 'chiều', 'tối', 'đêm'],
);
/** Prepositions before `d/m` that usually mean a date (`đến 31/12`), unless a count noun follows (`đến 12/12 xã`). */
export const WEAK_DATE_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}(?:đến|tới|trước|sau|từ|vào|hết|hạn|kể${H}+từ)${H}*$`, 'iu'),
  ['đến', 'tới', 'trước', 'sau', 'từ', 'vào', 'hết', 'hạn'],
);
export const DAY_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}(ngày)${H}*$`, 'iu'),
  ['ngày'],
);
export const MONTH_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}(tháng)${H}*$`, 'iu'),
  ['tháng'],
);
export const QUARTER_CUE_BEHIND = cue(
  new RegExp(`${NOT_LETTER}(quý)${H}*$`, 'iu'),
  ['quý'],
);
/** `quý III/` or `quý I năm ` before a year. */
export const ROMAN_QUARTER_BEHIND = cue(
  new RegExp(`${NOT_LETTER}(quý)${H}+(IV|I{1,3})${H}*(?:\\/|,?${H}*năm)${H}*$`, 'iu'),
  ['', 'năm'],
);

/** Scale words after a number. `tỷ lệ` (rate) is no scale. */
export const SCALE_AHEAD = wordCue(
  new RegExp(`${H}*((?:nghìn|ngàn)${H}+(?:tỷ|tỉ)|nghìn|ngàn|triệu|tỷ|tỉ)${WORD_END}(?!${H}+lệ${WORD_END})`, 'iuy'),
  ['nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ'],
);
/** Currency after a number or a scale word: `đồng`, `đ`, `VNĐ`, `VND`; `đ/c` is `đồng chí` (comrade). */
export const CURRENCY_AHEAD = wordCue(new RegExp(`${H}*(đồng|vnđ|vnd|đ)${WORD_END}(?!\\/c)`, 'iuy'), ['đồng', 'vnđ', 'vnd', 'đ']);
/** Words that make `đồng` part of another word: `02 đồng chí` is two comrades, not money. */
export const DONG_COMPOUND_AHEAD = new RegExp(
  `${H}+(?:chí|bộ|thời|ý|bào|nghiệp|loạt|hành|tâm|tình|đều|hồ|ruộng|lúa|bằng|dạng|nhất|minh|ca|cảm|hương|khởi|sở|chủ|thuận|lòng|môn|niên|đội|tổ|cấp)${WORD_END}`,
  'iuy',
);
/** Money words shortly before a scaled number without `đồng` (`kinh phí 48,6 nghìn` is money); searched, not anchored. */
export const MONEY_CUE_NEARBY = new RegExp(
  `${NOT_LETTER}(?:kinh${H}+phí|số${H}+tiền|tiền|ngân${H}+sách|dự${H}+toán|chi${H}+phí|vốn|giá${H}+trị|lệ${H}+phí|phí|doanh${H}+thu|thu${H}+nhập|lương)${WORD_END}`,
  'iu',
);
export const PERCENT_AHEAD = wordCue(new RegExp(`${H}*(?:%|phần${H}+trăm${WORD_END})`, 'iuy'), ['%', 'phần']);
