import type { LocalizedText } from '../../../schemas/localized-text.ts';
import { en, vi } from './flag-draft.ts';

/**
 * The likely fix for a figure that does not balance: one digit mistyped, two adjacent
 * digits swapped, or a thousands separator slip (×1000, ÷1000). A suggestion only: the
 * reported value is never changed.
 */
export type FixKind = 'digit' | 'transposition' | 'thousands';

export interface Fix {
  /** Which figure (a key of the check's `values`). */
  name: string;
  from: number;
  to: number;
  kind: FixKind;
}

/** Every single edit of one named figure that makes `balances` true; none when more than `limit` do (no clear fix). */
export function findFixes(
  values: Readonly<Record<string, number>>, editable: readonly string[],
  balances: (values: Readonly<Record<string, number>>) => boolean, limit = 2,
): Fix[] {
  const fixes: Fix[] = [];
  for (const name of editable) {
    const from = values[name];
    if (from === undefined) continue;
    for (const { to, kind } of edits(from)) {
      if (balances({ ...values, [name]: to })) fixes.push({ name, from, to, kind });
    }
  }
  const unique = fixes.filter((f, i) => fixes.findIndex((g) => g.name === f.name && g.to === f.to) === i);
  return unique.length > limit ? [] : unique;
}

/** The numbers one slip away from `value`, as printed (digits of its decimal form). */
export function edits(value: number): { to: number; kind: FixKind }[] {
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return [];
  const sign = value < 0 ? -1 : 1;
  const out: { to: number; kind: FixKind }[] = [];
  const digits = [...text];
  digits.forEach((c, i) => {
    if (c < '0' || c > '9') return;
    for (let d = 0; d <= 9; d += 1) {
      const n = String(d);
      if (n === c || (i === 0 && d === 0 && digits.length > 1 && digits[1] !== '.')) continue;
      out.push({ to: sign * Number([...digits.slice(0, i), n, ...digits.slice(i + 1)].join('')), kind: 'digit' });
    }
    const next = digits[i + 1];
    if (next !== undefined && next >= '0' && next <= '9' && next !== c && !(i === 0 && next === '0')) {
      out.push({ to: sign * Number([...digits.slice(0, i), next, c, ...digits.slice(i + 2)].join('')), kind: 'transposition' });
    }
  });
  if (Number.isInteger(value)) {
    out.push({ to: value * 1000, kind: 'thousands' });
    if (value % 1000 === 0 && value !== 0) out.push({ to: value / 1000, kind: 'thousands' });
  }
  return out;
}

const KIND_TEXT: Record<FixKind, LocalizedText> = {
  digit: { vi: 'gõ sai một chữ số', en: 'one digit mistyped' },
  transposition: { vi: 'đảo hai chữ số liền nhau', en: 'two adjacent digits swapped' },
  thousands: { vi: 'nhầm dấu phân cách hàng nghìn', en: 'a thousands separator slip' },
};

/** `Có thể mẫu số là 946.314 thay vì 846.314 (gõ sai một chữ số)`, naming each figure as the check does. */
export function describeFixes(fixes: readonly Fix[], names: Readonly<Record<string, LocalizedText>>): LocalizedText | undefined {
  if (fixes.length === 0) return undefined;
  const one = (f: Fix, lang: 'vi' | 'en') => {
    const name = names[f.name]?.[lang] ?? f.name;
    return lang === 'vi'
      ? `${name} là ${vi(f.to)} thay vì ${vi(f.from)} (${KIND_TEXT[f.kind].vi})`
      : `${name} is ${en(f.to)} rather than ${en(f.from)} (${KIND_TEXT[f.kind].en})`;
  };
  return {
    vi: `Có thể ${fixes.map((f) => one(f, 'vi')).join('; hoặc ')}. Chỉ là gợi ý: số liệu báo cáo không bị thay đổi.`,
    en: `Perhaps the ${fixes.map((f) => one(f, 'en')).join('; or the ')}. A suggestion only: the reported figure is not changed.`,
  };
}
