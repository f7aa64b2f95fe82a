import type { AlertAbout, AlertRole } from '../../schemas/dq-alert/v1.ts';
import type { RuleFamily, Severity } from '../../schemas/flag/v1.ts';

/**
 * The words of every alert, in both languages, as structured pieces: the plain-text
 * message (alert-content.ts) and the e-mail's HTML (alert-email.ts) are built from the same
 * pieces, so they cannot say different things. Vietnamese is always first.
 */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const SEVERITY: Record<Severity, Record<Lang, string>> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'lưu ý', en: 'note' },
};

const FAMILY: Record<RuleFamily, Record<Lang, string>> = {
  rate_mismatch: { vi: 'tỷ lệ không khớp với tử số/mẫu số', en: 'rate does not match its numerator/denominator' },
  sum_mismatch: { vi: 'các phần không cộng đúng tổng', en: 'parts do not add up to the total' },
  bounds: { vi: 'số liệu vượt giới hạn', en: 'figure out of bounds' },
  granularity: { vi: 'tỷ lệ không thể có với số người', en: 'percentage impossible for the number of people' },
  hierarchy: { vi: 'tổng của đơn vị cấp dưới không khớp', en: 'children do not add up' },
  conflict: { vi: 'số liệu mâu thuẫn', en: 'conflicting figures' },
  outlier: { vi: 'biến động bất thường', en: 'unusual change' },
  completeness: { vi: 'thiếu hoặc chậm báo cáo', en: 'missing or late report' },
};

const LABELS = {
  severity: { vi: 'Mức độ', en: 'Severity' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  what: { vi: 'Nội dung', en: 'What' },
  quote: { vi: 'Trích dẫn', en: 'Quote' },
  page: { vi: 'trang', en: 'page' },
  suggestion: { vi: 'Đề xuất sửa', en: 'Suggested fix' },
  report: { vi: 'Mã báo cáo', en: 'Report id' },
  flag: { vi: 'Mã cảnh báo', en: 'Flag id' },
} as const satisfies Record<string, Record<Lang, string>>;

export const severityWord = (s: Severity, lang: Lang): string => SEVERITY[s][lang];
export const familyWord = (f: RuleFamily, lang: Lang): string => FAMILY[f][lang];
export const unitLabel = (name: string, code: string): string => (name === code ? code : `${name} (${code})`);

export interface FlagPieces {
  /** One sentence: what happened and to whom. */
  intro: string;
  rows: { label: string; value: string }[];
  evidence: { label: string; page: number; quote: string }[];
  suggestion?: { label: string; text: string };
  ids: { label: string; value: string }[];
}

/** The body of an alert (raised) about one flag. */
export function raisedPieces(a: AlertAbout, role: AlertRole, lang: Lang): FlagPieces {
  const who = unitLabel(a.unitName, a.unit);
  const intro = lang === 'vi'
    ? (role === 'owner' ? `Báo cáo kỳ ${a.period} của ${who} có một vấn đề về số liệu cần kiểm tra.` : `Báo cáo kỳ ${a.period} của đơn vị trực thuộc ${who} có một vấn đề về số liệu cần kiểm tra.`)
    : (role === 'owner' ? `The ${a.period} report of ${who} has a data problem to check.` : `The ${a.period} report of ${who}, a unit under you, has a data problem to check.`);
  return {
    intro,
    rows: [
      { label: LABELS.severity[lang], value: severityWord(a.severity, lang) },
      { label: LABELS.rule[lang], value: `${a.ruleId} — ${familyWord(a.family, lang)}` },
      { label: LABELS.what[lang], value: a.flagMessage[lang] },
    ],
    evidence: a.evidence.map((e) => ({ label: `${LABELS.quote[lang]}, ${LABELS.page[lang]} ${e.page}`, page: e.page, quote: e.quote })),
    ...(a.suggestion ? { suggestion: { label: LABELS.suggestion[lang], text: a.suggestion[lang] } } : {}),
    ids: idRows(a, lang),
  };
}

/** The short "đã khắc phục / resolved" notice. */
export function resolvedPieces(a: AlertAbout, role: AlertRole, lang: Lang): FlagPieces {
  const who = unitLabel(a.unitName, a.unit);
  const intro = lang === 'vi'
    ? `Đã khắc phục: vấn đề số liệu trong báo cáo kỳ ${a.period} của ${role === 'parent' ? 'đơn vị trực thuộc ' : ''}${who} không còn nữa.`
    : `Resolved: the data problem in the ${a.period} report of ${who} is gone.`;
  return { intro, rows: [{ label: LABELS.what[lang], value: a.flagMessage[lang] }], evidence: [], ids: idRows(a, lang) };
}

function idRows(a: AlertAbout, lang: Lang): { label: string; value: string }[] {
  const reports = [...new Set(a.evidence.map((e) => e.reportId))];
  return [...reports.map((r) => ({ label: LABELS.report[lang], value: r })), { label: LABELS.flag[lang], value: a.flagId }];
}

export function flagTitle(kind: 'alert' | 'resolved-notice', a: AlertAbout, lang: Lang): string {
  const who = unitLabel(a.unitName, a.unit);
  if (kind === 'resolved-notice') return lang === 'vi' ? `Đã khắc phục: ${who} — ${a.ruleId}` : `Resolved: ${who} — ${a.ruleId}`;
  return `${who}: ${severityWord(a.severity, lang)} — ${a.ruleId}`;
}

export function digestTitle(recipient: string, alerts: number, resolved: number, lang: Lang): string {
  const counts = lang === 'vi'
    ? [alerts > 0 ? `${alerts} cảnh báo` : '', resolved > 0 ? `${resolved} đã khắc phục` : '']
    : [alerts > 0 ? `${alerts} alert${alerts === 1 ? '' : 's'}` : '', resolved > 0 ? `${resolved} resolved` : ''];
  const head = lang === 'vi' ? 'Bản tin số liệu hằng ngày' : 'Daily data-quality digest';
  return `${head}: ${recipient} — ${counts.filter(Boolean).join(', ')}`;
}

export const CLOSING: Record<Lang, string> = {
  vi: 'Đây là thư tự động của hệ thống tổng hợp số liệu. Xin kiểm tra và gửi lại báo cáo đã sửa nếu cần; hệ thống chỉ đề xuất, không tự sửa số liệu.',
  en: 'This is an automatic message from the reporting system. Please check and resubmit a corrected report if needed; the system only suggests and never changes reported figures.',
};

export function piecesToText(p: FlagPieces): string {
  const lines = [p.intro, ...p.rows.map((r) => `${r.label}: ${r.value}`)];
  for (const e of p.evidence) lines.push(`${e.label}: "${e.quote}"`);
  if (p.suggestion) lines.push(`${p.suggestion.label}: ${p.suggestion.text}`);
  lines.push(...p.ids.map((r) => `${r.label}: ${r.value}`));
  return lines.join('\n');
}
