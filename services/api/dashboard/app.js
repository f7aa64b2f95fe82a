// The dashboard's entry point: sign-in, the page frame (language switch, period, tabs,
// exports), and navigation. What is shown lives in the address fragment, so the back button
// and a reload keep the place:
//
//   #period=2016&unit=94&tab=figures|completeness&indicator=hoso.rate_on_time
//
// (`unit` absent: the top of the token's scope.) Data comes from /v1 with the token
// (api-client.js); periods are those of the reports in scope (GET /v1/reports).

import { ApiError, getJson, getToken, setToken, takeTokenFromAddress } from './api-client.js';
import { completenessView, loadCompleteness } from './completeness-view.js';
import { h, replace } from './dom.js';
import { breadcrumbs, drillDownView, indicatorInfo, loadChildFigures, loadDrillDown, pickIndicator } from './drill-down.js';
import { exportBar, exportUrls } from './export-bar.js';
import { FlagPanel } from './flag-panel.js';
import { currentLang, localized, onLangChange, setLang, t } from './i18n.js';
import { indicatorChart } from './indicator-chart.js';
import { sortPeriods } from './periods.js';

const $ = (id) => document.getElementById(id);
const panel = new FlagPanel($('flag-panel'));
const cache = new Map();
let catalog = new Map();
let periods = [];
let me = null;
let renderSeq = 0;
let shownPlace = '';
let onlyWithData = null;
let showAllCompleteness = false;

function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((err) => { cache.delete(key); throw err; }));
  return cache.get(key);
}

function readState() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const tab = p.get('tab') === 'completeness' ? 'completeness' : 'figures';
  return { period: p.get('period'), unit: p.get('unit'), tab, indicator: p.get('indicator') };
}

function hashOf(s) {
  const p = new URLSearchParams();
  if (s.period) p.set('period', s.period);
  if (s.unit) p.set('unit', s.unit);
  if (s.tab !== 'figures') p.set('tab', s.tab);
  if (s.indicator) p.set('indicator', s.indicator);
  return `#${p.toString()}`;
}

/** Changes what is shown: a new address (one history step), then render(). */
function go(patch) {
  const next = { ...readState(), ...patch };
  const hash = hashOf(next);
  if (hash === location.hash) void render();
  else location.hash = hash;
}

function setStatus(text, isError = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

function showError(err) {
  if (err instanceof ApiError && err.status === 401) {
    setToken(null);
    showSignIn(t('tokenRejected'));
    return;
  }
  setStatus(t('error', err instanceof ApiError ? localized(err.text) : String(err?.message ?? err)), true);
}

function renderFrame() {
  document.title = t('title');
  $('app-title').textContent = t('title');
  $('app-subtitle').textContent = t('subtitle');
  $('lang-switch').textContent = t('langSwitch');
  $('lang-switch').lang = currentLang() === 'vi' ? 'en' : 'vi';
  $('sign-out').textContent = t('logout');
  $('sign-out').hidden = !getToken();
  $('who').textContent = me ? `${me.name} (${me.role}${me.province ? ` · ${me.province}` : ''}${me.unit ? ` · ${me.unit}` : ''})` : '';
}

function showSignIn(message = '') {
  me = null;
  cache.clear();
  renderFrame();
  replace($('toolbar'));
  replace($('breadcrumbs'));
  panel.close();
  const input = h('input', { id: 'token-input', name: 'token', type: 'password', autocomplete: 'off', required: true, size: '48' });
  const form = h('form', {
    id: 'sign-in', class: 'sign-in',
    onsubmit: (e) => {
      e.preventDefault();
      setToken(input.value.trim());
      void start();
    },
  },
  h('h2', {}, t('tokenTitle')),
  h('p', { class: 'muted' }, t('tokenHint')),
  h('label', { for: 'token-input' }, t('tokenLabel')), ' ', input, ' ',
  h('button', { type: 'submit' }, t('tokenSubmit')),
  message ? h('p', { class: 'error', role: 'alert' }, message) : null);
  replace($('main'), form);
  setStatus('');
  input.focus();
}

function toolbar(state, top) {
  const select = h('select', { id: 'period', onchange: (e) => go({ period: e.target.value, unit: null, indicator: null }) },
    periods.map((p) => h('option', { value: p, selected: p === state.period }, p)));
  const tab = (name, label) => h('button', {
    type: 'button', role: 'tab', id: `tab-${name}`, class: 'tab', 'aria-selected': String(state.tab === name),
    onclick: () => go({ tab: name }),
  }, label);
  const urls = exportUrls(state.unit, state.period, top[0]?.level ?? 'province');
  return [
    h('label', { class: 'period' }, `${t('period')}: `, select),
    h('div', { class: 'tabs', role: 'tablist' }, tab('figures', t('tabFigures')), tab('completeness', t('tabCompleteness'))),
    state.tab === 'figures' ? exportBar(urls, (text) => setStatus(text)) : null,
  ];
}

async function render() {
  const seq = ++renderSeq;
  const state = readState();
  if (!getToken() || !me) return;
  renderFrame();
  if (periods.length === 0) {
    replace($('main'), h('p', { class: 'muted' }, t('noPeriods')));
    return;
  }
  if (!state.period || !periods.includes(state.period)) {
    go({ period: periods[0], unit: null, indicator: null });
    return;
  }
  // The flag panel belongs to the place it was opened in.
  if (shownPlace !== `${state.unit}|${state.period}`) panel.close();
  shownPlace = `${state.unit}|${state.period}`;
  setStatus(t('loading'));
  try {
    const top = (await cached(`top|${state.period}`, () => getJson('/v1/units', { period: state.period }))).units;
    if (seq !== renderSeq) return;
    // A reader of one unit or one province starts there.
    if (state.unit === null && top.length === 1) {
      go({ unit: top[0].code });
      return;
    }
    const topCodes = top.map((u) => u.code);
    const data = await cached(`drill|${state.unit}|${state.period}`, () => loadDrillDown(state.unit, state.period, top));
    if (seq !== renderSeq) return;
    replace($('toolbar'), toolbar(state, top));
    replace($('breadcrumbs'), breadcrumbs(data, topCodes, state.period, (code) => go({ unit: code })));
    if (state.tab === 'completeness') {
      const c = await cached(`completeness|${state.unit}|${state.period}`, () => loadCompleteness(state.unit ?? undefined, state.period));
      if (seq !== renderSeq) return;
      replace($('main'), completenessView(c, {
        period: state.period, showAll: showAllCompleteness,
        onToggleAll: (v) => { showAllCompleteness = v; void render(); },
        onDrill: (code) => go({ unit: code }),
      }));
      setStatus(data.truncated ? t('truncated') : '');
      return;
    }
    const indicator = pickIndicator(data, state.indicator);
    const childFigures = await cached(`children|${state.unit}|${state.period}|${indicator}`, () => loadChildFigures(data, state.period, indicator));
    if (seq !== renderSeq) return;
    const auto = onlyWithData ?? data.children.length > 15;
    replace($('main'), drillDownView(data, {
      period: state.period, catalog, indicator, childFigures, onlyWithData: auto,
      onDrill: (code) => go({ unit: code }),
      onSelectIndicator: (code, scroll) => {
        go({ indicator: code });
        if (scroll) requestAnimationFrame(() => $('chart')?.scrollIntoView({ block: 'nearest' }));
      },
      onOpenFlags: (flags, title) => panel.open(flags, title),
      onToggleOnlyWithData: (v) => { onlyWithData = v; void render(); },
    }));
    setStatus(data.truncated ? t('truncated') : '');
    if (data.unit && indicator) await renderChart(seq, data.unit, indicator);
  } catch (err) {
    if (seq === renderSeq) showError(err);
  }
}

async function renderChart(seq, unit, indicator) {
  const target = $('chart');
  if (!target) return;
  const info = indicatorInfo(catalog, indicator, undefined);
  replace(target, h('h2', {}, t('chartTitle', unit.name, info.name)), h('p', { class: 'muted' }, t('loading')));
  const series = await cached(`series|${unit.code}|${indicator}`, () => getJson('/v1/figures/series', { unit: unit.code, indicator }));
  if (seq !== renderSeq) return;
  const name = series.indicatorName && !catalog.has(indicator) ? series.indicatorName : info.name;
  replace(target,
    h('h2', {}, t('chartTitle', unit.name, name)),
    series.points.length === 0
      ? h('p', { class: 'muted' }, t('chartEmpty'))
      : indicatorChart(series.points, { label: t('chartTitle', unit.name, name), percent: info.percent }));
}

async function start() {
  setStatus(t('loading'));
  try {
    me = await getJson('/v1/me');
    const [names, reports] = await Promise.all([
      fetch('/dashboard/indicators.json').then((r) => r.json()),
      getJson('/v1/reports'),
    ]);
    catalog = new Map(names.indicators.map((i) => [i.code, i]));
    periods = sortPeriods(reports.reports.map((r) => r.period));
    await render();
  } catch (err) {
    showError(err);
  }
}

setLang(currentLang());
$('lang-switch').addEventListener('click', () => setLang(currentLang() === 'vi' ? 'en' : 'vi'));
$('sign-out').addEventListener('click', () => { setToken(null); showSignIn(); });
onLangChange(() => {
  if (!me) {
    showSignIn();
    return;
  }
  panel.render();
  void render();
});
window.addEventListener('hashchange', () => {
  if (takeTokenFromAddress() && !me) void start();
  else void render();
});

if (takeTokenFromAddress()) void start();
else showSignIn();
