// The flag panel: a flag's evidence, opened from a badge or a row of the flag list.
// For each flag: severity, rule, message (vi/en), every distinct quoted sentence with the
// flag's numbers highlighted (<mark>), its page and a link to the original file, the values
// the check used (left, right, imbalance, values), and the suggested fix.

import { openFile } from './api-client.js';
import { h, replace } from './dom.js';
import { formatNumber, localized, t } from './i18n.js';

const SEVERITY_KEY = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo' };

export function severityLabel(severity) {
  return t(SEVERITY_KEY[severity] ?? 'sevInfo');
}

/** Numbers as Vietnamese documents print them: `845.938` (dot groups thousands), `89,39` (comma is the decimal mark). */
const NUMBER_TOKEN = /\d+(?:[.,]\d+)*/g;

export function parseVietnameseNumber(token) {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(token)) return Number(token.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(token)) return Number(token.replace(',', '.'));
  if (/^\d+(?:\.\d+)?$/.test(token)) return Number(token);
  return NaN;
}

const SCALES = [1, 1e3, 1e6, 1e9];

function matches(printed, value) {
  return SCALES.some((s) => Math.abs(printed * s - value) <= 1e-9 * Math.max(1, Math.abs(value)));
}

/** The numbers a flag is about: its two sides and every value it used (not the imbalance, which is computed). */
export function flagNumbers(flag) {
  const out = Object.values(flag.values ?? {});
  if (flag.left !== null && flag.left !== undefined) out.push(flag.left);
  if (flag.right !== null && flag.right !== undefined) out.push(flag.right);
  return out.filter((v) => typeof v === 'number' && Number.isFinite(v));
}

/** The quote as text nodes, with the flag's numbers wrapped in <mark>. */
export function highlightedQuote(quote, numbers) {
  const parts = [];
  let last = 0;
  for (const m of quote.matchAll(NUMBER_TOKEN)) {
    const printed = parseVietnameseNumber(m[0]);
    if (Number.isNaN(printed) || !numbers.some((n) => matches(printed, n))) continue;
    if (m.index > last) parts.push(quote.slice(last, m.index));
    parts.push(h('mark', {}, m[0]));
    last = m.index + m[0].length;
  }
  if (last < quote.length) parts.push(quote.slice(last));
  return parts;
}

function distinctEvidence(evidence) {
  const seen = new Map();
  for (const e of evidence) {
    const key = `${e.reportId}|${e.page}|${e.quote}`;
    const entry = seen.get(key);
    if (entry) entry.count += 1;
    else seen.set(key, { e, count: 1 });
  }
  return [...seen.values()];
}

function evidenceBlock(flag, { e, count }, onError) {
  const href = `/v1/reports/${encodeURIComponent(e.reportId)}/file`;
  const link = h('a', {
    class: 'file-link', href, target: '_blank', rel: 'noopener', dataset: { page: String(e.page), report: e.reportId },
    onclick: (event) => {
      event.preventDefault();
      openFile(href, e.page).catch((err) => onError(t('fileError', localized(err.text) || err.message)));
    },
  }, t('openFile', e.page));
  return h('figure', { class: 'evidence' },
    h('blockquote', { class: 'quote' }, highlightedQuote(e.quote, flagNumbers(flag))),
    h('figcaption', {},
      h('span', { class: 'page' }, t('evidencePage', e.page)), ' · ', link,
      count > 1 ? h('span', { class: 'muted' }, ' · ', t('moreEvidence', count)) : null));
}

function valuesTable(flag) {
  const rows = [];
  if (flag.left !== null) rows.push([t('left'), flag.left]);
  if (flag.right !== null) rows.push([t('right'), flag.right]);
  if (flag.imbalance !== null) rows.push([t('imbalance'), flag.imbalance]);
  for (const [name, value] of Object.entries(flag.values ?? {})) rows.push([name, value]);
  return h('table', { class: 'values' },
    h('tbody', {}, rows.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'num' }, formatNumber(value))))));
}

function flagCard(apiFlag, onError) {
  const f = apiFlag.flag;
  const evidence = distinctEvidence(f.evidence);
  return h('article', { class: `flag-card sev-${f.severity}`, dataset: { flag: f.id } },
    h('header', {},
      h('span', { class: `badge sev-${f.severity}` }, severityLabel(f.severity)), ' ',
      h('code', { class: 'rule' }, f.ruleId), ' ',
      h('span', { class: 'muted' }, `${f.unit} · ${f.period} · ${t(apiFlag.status)}`)),
    h('p', { class: 'message' }, localized(f.message)),
    h('h4', {}, t('quote')),
    evidence.length ? evidence.map((ev) => evidenceBlock(f, ev, onError)) : h('p', { class: 'muted' }, t('noEvidence')),
    h('h4', {}, t('computed')),
    valuesTable(f),
    h('h4', {}, t('suggestion')),
    f.suggestion ? h('p', { class: 'suggestion' }, localized(f.suggestion)) : h('p', { class: 'muted' }, t('suggestionNone')));
}

export class FlagPanel {
  constructor(root) {
    this.root = root;
    this.flags = [];
    this.title = '';
    this.error = '';
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.root.hidden) this.close();
    });
  }

  /** Shows these flags (from /v1/flags); `title` says what they are (a unit and indicator). */
  open(flags, title) {
    this.flags = flags;
    this.title = title;
    this.error = '';
    // Below the (sticky) page header, so the language switch stays within reach.
    this.root.style.top = `${document.querySelector('.app-header')?.offsetHeight ?? 0}px`;
    this.root.hidden = false;
    document.body.classList.add('panel-open');
    this.render();
    this.root.querySelector('.panel-close')?.focus();
  }

  close() {
    this.root.hidden = true;
    document.body.classList.remove('panel-open');
    replace(this.root);
  }

  render() {
    if (this.root.hidden) return;
    const onError = (message) => {
      this.error = message;
      this.render();
    };
    replace(this.root,
      h('div', { class: 'panel-head' },
        h('h3', { id: 'flag-panel-title' }, t('panelTitle')),
        h('button', { type: 'button', class: 'panel-close', onclick: () => this.close() }, t('close'))),
      h('p', { class: 'muted' }, this.title),
      this.error ? h('p', { class: 'error', role: 'alert' }, this.error) : null,
      this.flags.map((f) => flagCard(f, onError)));
  }
}
