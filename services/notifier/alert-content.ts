import type { Flag } from '../../schemas/flag/v1.ts';
import type { AlertAbout, AlertRole, DigestAlert, DigestEntry, FlagAlert } from '../../schemas/dq-alert/v1.ts';
import { CLOSING, digestTitle, flagTitle, LANGS, piecesToText, raisedPieces, resolvedPieces, unitLabel, type Lang } from './alert-wording.ts';

/**
 * Builds the `dq.alert` data: what an alert says about a flag, and a digest of many. All
 * text is NFC (reports and names arrive in either normal form; mail clients compare and
 * search in NFC).
 */
export interface Recipient {
  unit: string;
  unitName: string;
  role: AlertRole;
}

const nfc = (s: string): string => s.normalize('NFC');

export function aboutFlag(flag: Flag, status: 'raised' | 'resolved', unitName: string): AlertAbout {
  return {
    flagId: flag.id, status, ruleId: flag.ruleId, family: flag.family, severity: flag.severity, unit: flag.unit,
    unitName: nfc(unitName), period: flag.period,
    flagMessage: { vi: nfc(flag.message.vi), en: nfc(flag.message.en) },
    evidence: flag.evidence.map((e) => ({ reportId: e.reportId, page: e.page, quote: nfc(e.quote) })),
    ...(flag.suggestion ? { suggestion: { vi: nfc(flag.suggestion.vi), en: nfc(flag.suggestion.en) } } : {}),
  };
}

export function flagAlert(alertId: string, kind: 'alert' | 'resolved-notice', about: AlertAbout, recipient: Recipient): FlagAlert {
  const text = (lang: Lang) => {
    const pieces = kind === 'alert' ? raisedPieces(about, recipient.role, lang) : resolvedPieces(about, recipient.role, lang);
    return nfc(kind === 'alert' ? `${piecesToText(pieces)}\n\n${CLOSING[lang]}` : piecesToText(pieces));
  };
  return {
    ...about, alertId, kind, recipient: { ...recipient, unitName: nfc(recipient.unitName) },
    title: { vi: nfc(flagTitle(kind, about, 'vi')), en: nfc(flagTitle(kind, about, 'en')) },
    message: { vi: text('vi'), en: text('en') },
  };
}

export function digestAlert(alertId: string, recipient: Omit<Recipient, 'role'>, entries: readonly DigestEntry[]): DigestAlert {
  const alerts = entries.filter((e) => e.kind === 'alert').length;
  const who = unitLabel(nfc(recipient.unitName), recipient.unit);
  const text = (lang: Lang) => {
    const blocks = entries.map((e, i) => {
      const pieces = e.kind === 'alert' ? raisedPieces(e, e.role, lang) : resolvedPieces(e, e.role, lang);
      return `${i + 1}. ${piecesToText(pieces).replace(/\n/g, '\n   ')}`;
    });
    return nfc([...blocks, CLOSING[lang]].join('\n\n'));
  };
  return {
    alertId, kind: 'digest', recipient: { unit: recipient.unit, unitName: nfc(recipient.unitName) },
    title: Object.fromEntries(LANGS.map((l) => [l, nfc(digestTitle(who, alerts, entries.length - alerts, l))])) as DigestAlert['title'],
    message: { vi: text('vi'), en: text('en') },
    entries: [...entries],
  };
}
