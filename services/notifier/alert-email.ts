import type { DqAlert } from '../../schemas/dq-alert/v1.ts';
import { CLOSING, LANGS, raisedPieces, resolvedPieces, type FlagPieces } from './alert-wording.ts';

/**
 * The e-mail of an alert: subject, plain text and HTML, Vietnamese first then English.
 *
 *   subject  [tonghop] <Vietnamese title> / <English title>
 *   text     the Vietnamese message, a separator, the English message
 *   html     the same pieces; every number in a quote is wrapped in <mark>; all text escaped
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SEPARATOR = '\n\n———— English ————\n\n';

export function renderEmail(alert: DqAlert): RenderedEmail {
  const subject = `[tonghop] ${alert.title.vi} / ${alert.title.en}`.normalize('NFC');
  const text = `${alert.message.vi}${SEPARATOR}${alert.message.en}\n`.normalize('NFC');
  const sections = LANGS.map((lang) => {
    const blocks = alert.kind === 'digest'
      ? `<ol>${alert.entries.map((e) => `<li>${piecesHtml(e.kind === 'alert' ? raisedPieces(e, e.role, lang) : resolvedPieces(e, e.role, lang))}</li>`).join('')}</ol>`
      : piecesHtml(alert.kind === 'alert' ? raisedPieces(alert, alert.recipient.role, lang) : resolvedPieces(alert, alert.recipient.role, lang));
    const closing = alert.kind === 'resolved-notice' ? '' : `<p style="color:#555">${escapeHtml(CLOSING[lang])}</p>`;
    return `<section lang="${lang}"><h2>${escapeHtml(alert.title[lang])}</h2>${blocks}${closing}</section>`;
  });
  const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(alert.title.vi)}</title></head>`
    + `<body>${sections.join('<hr>')}</body></html>`;
  return { subject, text, html: html.normalize('NFC') };
}

function piecesHtml(p: FlagPieces): string {
  const rows = [...p.rows, ...p.ids].map((r) => `<tr><th align="left">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`).join('');
  const quotes = p.evidence.map((e) => `<p><strong>${escapeHtml(e.label)}</strong></p><blockquote>${markNumbers(e.quote)}</blockquote>`).join('');
  const fix = p.suggestion ? `<p><strong>${escapeHtml(p.suggestion.label)}:</strong> ${escapeHtml(p.suggestion.text)}</p>` : '';
  return `<p>${escapeHtml(p.intro)}</p><table>${rows}</table>${quotes}${fix}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`);
}

/** Numbers as printed in Vietnamese reports: `54.599`, `89,39%`, `15,08 tỷ` (the digits and separators, with a % sign). */
const NUMBER = /\d+(?:[.,]\d+)*(?:\s?%)?/g;

/** Escapes the quote and marks every number in it. Splits first, so entities (&#39;) are never marked. */
export function markNumbers(quote: string): string {
  let out = '';
  let last = 0;
  for (const m of quote.matchAll(NUMBER)) {
    out += `${escapeHtml(quote.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(quote.slice(last));
}

