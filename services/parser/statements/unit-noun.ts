/**
 * Reads the noun a number counts: the words right after it (`73 văn bản QPPL` →
 * `văn bản QPPL`, `02 đơn vị` → `đơn vị`, `14.322 hồ sơ.` → `hồ sơ`).
 *
 * First the compound nouns these reports count by (COMPOUND_NOUNS, longest first:
 * `văn bản quy phạm pháp luật`, `thủ tục hành chính`, `cán bộ, công chức`, …), matched
 * case-insensitively. Otherwise up to `maxWords` (3) words, each a run of letters
 * (diacritics included) or an acronym like `QPPL`, `TTHC`, `UBND`, stopping before
 * punctuation, a digit, or a word that opens a new clause (`và`, `đạt`, `của`, `được`,
 * `trong`, …: STOP_WORDS). Nothing is returned when punctuation follows the number.
 */
export const COMPOUND_NOUNS = [
  'văn bản quy phạm pháp luật', 'văn bản QPPL', 'thủ tục hành chính', 'thủ tục HC', 'dịch vụ công trực tuyến', 'cán bộ, công chức, viên chức',
  'cán bộ, công chức', 'công chức, viên chức', 'ý kiến phản ánh, kiến nghị', 'phản ánh, kiến nghị', 'đơn vị sự nghiệp công lập',
  'cơ quan chuyên môn', 'cơ quan, đơn vị', 'sở, ban ngành', 'sở, ban, ngành', 'xã, phường, thị trấn', 'xã, thị trấn', 'lượt truy cập',
  'lượt người', 'hồ sơ trực tuyến', 'tổ chức, cá nhân', 'cuộc kiểm tra', 'cuộc đối thoại', 'phòng chuyên môn',
  // Unit nouns that end the phrase: what follows them (`mới ban hành`, `xếp loại tốt`) qualifies, it is not the unit.
  'đơn vị', 'thủ tục', 'hồ sơ', 'văn bản', 'cán bộ', 'công chức', 'nghị quyết', 'quyết định', 'kế hoạch',
].sort((a, b) => b.length - a.length);

export interface UnitNoun {
  noun: string;
  start: number;
  end: number;
}

const STOP_WORDS = new Set([
  'và', 'hoặc', 'trong', 'được', 'đã', 'đang', 'sẽ', 'đạt', 'của', 'với', 'tại', 'trên', 'ở', 'cho', 'theo', 'là', 'có',
  'gồm', 'bằng', 'so', 'tăng', 'giảm', 'thuộc', 'do', 'từ', 'đến', 'để', 'nhưng', 'chiếm', 'về', 'nên', 'vì', 'khi', 'thì',
  'này', 'đó', 'mà', 'như', 'qua', 'vào', 'ra', 'lên', 'xuống', 'đều', 'cũng', 'còn', 'không', 'chưa',
]);

const WORD = /^[\p{L}][\p{L}\p{M}]*/u;

export function readUnitNoun(text: string, from: number, maxWords = 3): UnitNoun | undefined {
  const lead = /^[ \u00a0]+/.exec(text.slice(from))?.[0].length ?? 0;
  if (lead > 0) {
    const ahead = text.slice(from + lead, from + lead + 40).toLowerCase();
    const compound = COMPOUND_NOUNS.find((c) => ahead.startsWith(c.toLowerCase()) && !/[\p{L}\p{M}]/u.test(ahead[c.length] ?? ''));
    if (compound) return { noun: text.slice(from + lead, from + lead + compound.length), start: from + lead, end: from + lead + compound.length };
  }
  let pos = from;
  const words: string[] = [];
  let start = -1;
  let end = from;
  while (words.length < maxWords) {
    const space = /^[ \u00a0]+/.exec(text.slice(pos));
    const afterSpace = pos + (space?.[0].length ?? 0);
    if (words.length > 0 && !space) break;
    const m = WORD.exec(text.slice(afterSpace));
    if (!m) break;
    const word = m[0];
    if (STOP_WORDS.has(word.toLowerCase())) break;
    if (start < 0) start = afterSpace;
    words.push(word);
    pos = afterSpace + word.length;
    end = pos;
  }
  return words.length > 0 ? { noun: words.join(' '), start, end } : undefined;
}
