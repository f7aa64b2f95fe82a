import type { FileRole } from '../../../schemas/fact/v1.ts';
import { vietnameseKey } from '../../text/vietnamese-text.ts';

/**
 * A file count's place in the flow of files through a one-stop office (schemas/fact/v1.ts
 * `FileRole`), read from the words that name it. Reports word the same flow many ways; the
 * classes below are what units from communes to ministries print (test/corpus/):
 *
 *   carried-over         `tồn kỳ trước chuyển sang`, `kỳ trước chuyển qua`, `năm 2021 chuyển sang`, `tồn đọng`
 *   new                  `tiếp nhận mới`, `mới tiếp nhận`, `phát sinh trong kỳ`, `tiếp nhận trong kỳ`
 *   in-hand              `tổng số hồ sơ (phải|cần|yêu cầu) giải quyết`, `đã và đang giải quyết`, `lũy kế`, `thụ lý`
 *   due                  `đến hạn (giải quyết)` (not `chưa đến hạn`)
 *   in-progress-late     `đang giải quyết quá hạn`, `quá hạn … chưa có kết quả`, `chưa giải quyết (đã) quá hạn`
 *   in-progress-on-time  `đang giải quyết trong hạn`, `chưa đến hạn`, `còn hạn`
 *   in-progress          `đang giải quyết`, `đang trong quá trình giải quyết`, `đang xử lý`, `chưa giải quyết`, `chưa có kết quả`
 *   early-or-on-time     `trước và đúng hạn`, `sớm và đúng hẹn`, `đúng và trước hạn`
 *   early / on-time / late   `trước hạn`, `sớm hạn` / `đúng hạn`, `trong hạn` / `quá hạn`, `trễ hạn`, `chậm`
 *   returned             `trả lại`, `rút hồ sơ`, `từ chối`, `không đủ điều kiện`
 *   resolved             `đã giải quyết`, `giải quyết xong`, `trả kết quả`, `đã xử lý`, `giải quyết`
 *   received             `tiếp nhận`, `nhận được`: whether carried-over files are in it is unsaid
 *
 * The most specific class wins: `đã giải quyết đúng hạn` is on-time, `đến hạn giải quyết` is
 * due, `tiếp nhận và giải quyết` is received. Inside the parts of an in-progress figure
 * (`đang giải quyết 120 hồ sơ (trong hạn 100, quá hạn 20)`) on-time and late become
 * in-progress-on-time and in-progress-late: see `withinParent`.
 */
const CLASSES: readonly [FileRole, RegExp][] = [
  ['carried-over', /(?:kỳ|năm|tháng|quý|giai đoạn) trước chuyển (?:sang|qua)|chuyển (?:sang|qua) từ (?:kỳ|năm|tháng|quý)|tồn (?:kỳ trước|từ|đọng|chuyển)|(?:năm|kỳ) \d{4} chuyển (?:sang|qua)|(?:^|[^\p{L}])tồn(?:[^\p{L}]|$)|chuyển tiếp|số dư/u],
  ['new', /tiếp nhận mới|mới tiếp nhận|nhận mới|phát sinh (?:mới|trong)|tiếp nhận trong (?:kỳ|năm|tháng|quý)|mới phát sinh/u],
  ['returned', /trả lại|rút (?:hồ sơ|khỏi)|(?:^|[^\p{L}])rút(?:[^\p{L}]|$)|từ chối|không đủ điều kiện|không đủ thành phần/u],
  ['in-hand', /(?:phải|cần|yêu cầu|đề nghị) giải quyết|đã và đang (?:giải quyết|xử lý)|lũy kế|luỹ kế|tổng số hồ sơ (?:đã )?tiếp nhận và giải quyết/u],
  ['in-progress-late', /(?:hiện )?còn(?: lại)?[^,;()]{0,30}(?:quá|trễ) (?:hạn|hẹn)|(?:đang|chưa) (?:giải quyết|xử lý)[^,;()]{0,20}(?:quá|trễ) (?:hạn|hẹn)|(?:quá|trễ) (?:hạn|hẹn)[^,;()]{0,30}(?:chưa có kết quả|chưa giải quyết|đang giải quyết|chưa trả)/u],
  ['in-progress-on-time', /(?:đang|chưa) (?:giải quyết|xử lý)[^,;()]{0,20}(?:trong|còn) (?:hạn|hẹn)|chưa đến (?:hạn|hẹn)|đang (?:trong|còn) (?:thời )?(?:hạn|hẹn)/u],
  ['due', /đến (?:hạn|hẹn)/u],
  ['in-progress', /đang (?:trong quá trình )?(?:giải quyết|xử lý|thụ lý|thực hiện)|chưa (?:giải quyết|xử lý|có kết quả|trả kết quả)/u],
  ['early-or-on-time', /(?:trước|sớm)(?: (?:hạn|hẹn))? và đúng (?:hạn|hẹn)|đúng(?: (?:hạn|hẹn))? và (?:trước|sớm) (?:hạn|hẹn)|(?:trước|sớm),? đúng (?:hạn|hẹn)/u],
  ['early', /(?:trước|sớm) (?:hạn|hẹn)/u],
  ['late', /(?:quá|trễ|chậm) (?:hạn|hẹn)|(?:^|[^\p{L}])(?:trễ|chậm|quá hạn)(?:[^\p{L}]|$)/u],
  ['on-time', /đúng (?:hạn|hẹn)|(?:trong|còn) (?:hạn|hẹn)/u],
  ['received', /tiếp nhận,? (?:và|,) ?(?:giải quyết|xử lý)/u],
  ['resolved', /giải quyết|trả kết quả|đã xử lý|xử lý xong/u],
  ['received', /tiếp nhận|nhận được|đã nhận|(?:được )?nộp(?: hồ sơ)? (?:trực tuyến|trực tiếp|qua|tại|mức độ)|hồ sơ nộp/u],
];

/** The nouns of file counts (what the flow is about); procedures (`TTHC`, `thủ tục`) are not files. */
const FILE_NOUN = /^(?:hồ sơ|hs(?![\p{L}\p{M}])|trường hợp|lượt hồ sơ|bộ(?![\p{L}\p{M}])(?!\s*(?:phận|ngành|chỉ|thủ tục|tiêu chí|công cụ)))/iu;

export function isFileNoun(noun: string | undefined): boolean {
  return noun !== undefined && FILE_NOUN.test(noun.trim());
}

/** The role the words name, most specific class first; undefined when none does. */
/** Office names hold flow words (`Bộ phận Tiếp nhận và trả kết quả`) that name no step. */
const OFFICE_NAME = /bộ phận (?:tiếp nhận và trả kết quả|tiếp nhận, trả kết quả|tiếp nhận|tn ?& ?tkq|một cửa)|trung tâm (?:phục vụ )?hành chính công|hệ thống thông tin giải quyết(?: thủ tục hành chính| tthc)?|(?:hệ thống|phần mềm) một cửa điện tử/gu;

export function fileRoleOf(words: string): FileRole | undefined {
  const key = vietnameseKey(words).replace(/\s+/g, ' ').replace(OFFICE_NAME, ' ');
  return CLASSES.find(([, pattern]) => pattern.test(key))?.[0];
}

/**
 * A part's role read within its parent's: the on-time and late parts of an in-progress
 * figure are in progress; early/on-time/late parts of a received or in-hand figure stay
 * what they are (the report means files resolved).
 */
export function withinParent(role: FileRole | undefined, parent: FileRole | undefined): FileRole | undefined {
  if (parent !== 'in-progress' && parent !== 'in-progress-late' && parent !== 'in-progress-on-time') return role;
  if (role === 'on-time' || role === 'early' || role === 'early-or-on-time') return 'in-progress-on-time';
  if (role === 'late' || role === 'due') return 'in-progress-late';
  return role;
}
