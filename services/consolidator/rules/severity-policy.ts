import type { FlagDraft } from './flag-draft.ts';
import { scopeKey } from './scope-key.ts';

/**
 * The written severity policy (README, "Severity policy"), applied to every family's drafts:
 * a false error sent to a reporting unit costs more than a missed warning, so a draft stays an
 * error only when
 *
 *   - every number it rests on is exact (no hơn, gần, trên, khoảng, no `16 nghìn`) and, when
 *     read by OCR from a scan, read with a confidence of at least OCR_SURE,
 *   - every file count in it was named by its own words (a role read, not an indicator guessed
 *     from a verb, nor a role taken from the clause a list hangs from: `đang trong thời hạn
 *     giải quyết` is no `đã giải quyết`),
 *   - the figures it compares share one scope (all the unit's own office, all its communes, …);
 *     a total and its parts may differ, a breakdown by level is one (`cấp tỉnh 1.342, cấp huyện 260 …`),
 *
 *   - the gap is one a slip explains (a fix is suggested) or at most half the figures compared,
 *
 * and the family found the arithmetic failing beyond the printed precision. Otherwise it is a
 * warning that says which condition failed. Every flag carries the reason for its severity.
 */
export function withSeverityPolicy(draft: FlagDraft): FlagDraft {
  const reason = draft.severity === 'error' ? uncertainty(draft) : undefined;
  if (reason) return { ...draft, severity: 'warning', severityReason: { vi: `Cảnh báo, không phải lỗi: ${reason.vi}.`, en: `A warning, not an error: ${reason.en}.` } };
  return { ...draft, severityReason: draft.severityReason ?? STANDARD[draft.severity] };
}

const STANDARD = {
  error: { vi: 'Lỗi: mọi số đều chính xác, cùng phạm vi và vai trò, và phép tính sai vượt độ chính xác in ra.', en: 'Error: every number is exact, of one scope and role, and the arithmetic fails beyond the printed precision.' },
  warning: { vi: 'Cảnh báo: chênh lệch có thể có lý do hợp lệ; cần đơn vị xác nhận.', en: 'Warning: the gap may have a valid reason; the unit should confirm.' },
  info: { vi: 'Thông tin: chênh lệch được giải thích bởi cách làm tròn hoặc số liệu bên cạnh.', en: 'Info: the gap is explained by rounding or a figure nearby.' },
} as const;

/**
 * A slip of the pen (a typo, a transposition, a ×1000 separator, a wrong base) leaves a gap
 * that one fix explains or that is small beside the figures; a gap larger than half of them
 * with no such fix is far likelier a sentence read wrongly (parts of another statement taken
 * for this one) than a report that wrong.
 */
const IMPLAUSIBLE_GAP = 0.5;

function implausible(draft: FlagDraft): boolean {
  if (draft.suggestion || draft.imbalance === null || draft.left === null || draft.right === null) return false;
  if (draft.family !== 'sum_mismatch' && draft.family !== 'rate_mismatch') return false;
  return Math.abs(draft.imbalance) > IMPLAUSIBLE_GAP * Math.max(Math.abs(draft.left), Math.abs(draft.right));
}

/**
 * Tesseract's confidence (0–100) below which a digit read from a scan is not sure enough to
 * rest an error on. Clean printed digits read at 90–97 here (`npm run bench:ocr` prints
 * the spread); a digit under a seal, a stain or a fold reads lower.
 */
export const OCR_SURE = 85;

function uncertainty(draft: FlagDraft): { vi: string; en: string } | undefined {
  const facts = draft.facts;
  const likeForLike = draft.family !== 'sum_mismatch';
  if (implausible(draft)) return { vi: 'chênh lệch quá lớn để là lỗi gõ, có thể máy đọc nhầm cấu trúc câu', en: 'the gap is too large for a slip; the sentence may have been read wrongly' };
  const doubtful = facts.find((f) => f.evidence.ocrConfidence !== undefined && f.evidence.ocrConfidence < OCR_SURE);
  if (doubtful) {
    const sure = Math.round(doubtful.evidence.ocrConfidence!);
    return { vi: `số "${doubtful.label}" đọc từ bản quét (OCR) với độ tin cậy ${sure}%, cần đối chiếu với ảnh trang ${doubtful.evidence.page}`, en: `the figure "${doubtful.label}" was read from a scan (OCR) with ${sure}% confidence; check it against the image of page ${doubtful.evidence.page}` };
  }
  const approximate = facts.find((f) => f.certainty === 'approximate' || f.qualifier !== undefined);
  if (approximate) return { vi: `số "${approximate.label}" là số gần đúng`, en: `the figure "${approximate.label}" is approximate` };
  const guessed = facts.find((f) => (f.indicator?.startsWith('hoso.') && /hồ sơ/iu.test(f.unit) && f.role === undefined && (f.kind === 'count' || f.kind === 'table-cell')) || f.roleInferred);
  if (guessed) return { vi: `không rõ số ${guessed.value ?? ''} hồ sơ thuộc bước nào của quy trình giải quyết`, en: `it is unclear which step of the flow of files the ${guessed.value ?? ''} files are` };
  const scopes = new Set(facts.map(scopeKey));
  if (likeForLike && scopes.size > 1) return { vi: 'các số thuộc những phạm vi khác nhau (đơn vị, cấp)', en: 'the figures are of different scopes (unit, level)' };
  return undefined;
}
