// The drill-down tỉnh → huyện → xã for one period. For the unit shown:
//   - its indicators: reported, the sum of its units below (derived), the difference, coverage
//     (units below that reported / expected), and badges counting its raised flags by severity;
//   - its own flags (every one, including those tied to no indicator);
//   - its units below, for one indicator at a time, each opening the next level.
// At the top (a reader of more than one province) only the list of units is shown.
//
// Data, all in the token's scope:
//   GET /v1/units?period=                      the top of the scope (app.js)
//   GET /v1/units/:code?period=                the unit, its ancestors and its children
//   GET /v1/figures?unit=&period=              the unit's own figures (every indicator)
//   GET /v1/figures?unit=&children=true&period=&indicator=
//                                              its children's figures of the indicator shown
//                                              (one at a time: every indicator of every
//                                              commune of a district is ≈ 650 kB at national
//                                              scale, and only one is on the screen)
//   GET /v1/figures/indicators?level=&period=  at the top: which indicators its units give
//   GET /v1/figures?level=&period=&indicator=  the top units' figures of the indicator shown
//   GET /v1/flags?unit=&period=                raised flags of the unit and everything under it
// Badges are counted here from the flags list (the figures carry a total, not by severity).

import { getJson } from './api-client.js';
import { h } from './dom.js';
import { severityLabel } from './flag-panel.js';
import { formatNumber, formatPercent, localized, t } from './i18n.js';
import { chartIcon } from './indicator-chart.js';

const SEVERITIES = ['error', 'warning', 'info'];

export async function loadDrillDown(unit, period, top) {
  if (unit === null) {
    const level = top[0]?.level ?? 'province';
    const [summary, flags] = await Promise.all([
      getJson('/v1/figures/indicators', { level, period }),
      getJson('/v1/flags', { period }),
    ]);
    return { unit: null, level, ancestors: [], children: top, figures: [], indicators: summary.indicators, flags: flags.flags, truncated: flags.truncated };
  }
  const [detail, figures, flags] = await Promise.all([
    getJson(`/v1/units/${encodeURIComponent(unit)}`, { period }),
    getJson('/v1/figures', { unit, period }),
    getJson('/v1/flags', { unit, period }),
  ]);
  return { unit: detail.unit, ancestors: detail.ancestors, children: detail.children, figures: figures.figures, flags: flags.flags, truncated: figures.truncated || flags.truncated };
}

/**
 * The figures the children table shows: at the top, those loaded with the level; below it, the
 * children's figures of one indicator.
 */
export async function loadChildFigures(data, period, indicator) {
  if (!indicator) return [];
  if (data.unit === null) return (await getJson('/v1/figures', { level: data.level, period, indicator })).figures;
  const r = await getJson('/v1/figures', { unit: data.unit.code, children: 'true', period, indicator });
  return r.figures.filter((f) => f.unit !== data.unit.code);
}

/** Name (vi/en from the catalog, else the API's Vietnamese name, else the code) and whether it is a percentage. */
export function indicatorInfo(catalog, code, apiName) {
  const entry = catalog.get(code);
  return { name: entry ? localized(entry.name) : (apiName ?? code), percent: entry?.unit === 'percent' };
}

export function formatValue(value, percent) {
  if (value === null || value === undefined) return '—';
  return percent ? `${formatNumber(value)}%` : formatNumber(value);
}

function badges(flags, title, onOpen) {
  if (flags.length === 0) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'badges' }, SEVERITIES.map((sev) => {
    const some = flags.filter((f) => f.flag.severity === sev);
    if (some.length === 0) return null;
    return h('button', {
      type: 'button', class: `badge sev-${sev}`, dataset: { severity: sev, count: String(some.length) },
      title: t('badgeTitle', some.length, severityLabel(sev)),
      onclick: (event) => {
        event.stopPropagation();
        onOpen(some, title);
      },
    }, `${severityLabel(sev)} ${formatNumber(some.length)}`);
  }));
}

/** Whose figure a row is, when not the unit's own (a district's `cấp xã trên địa bàn`, …). */
function scopeTag(scope) {
  if (!scope || scope === 'own') return null;
  return h('span', { class: 'scope muted' }, ` (${t(`scope_${scope}`)})`);
}

function coverageCell(f) {
  if (!f || f.childrenExpected === 0) return h('td', { class: 'num muted' }, '—');
  return h('td', { class: 'num', title: formatPercent(f.coverage) },
    `${formatNumber(f.childrenReported)}/${formatNumber(f.childrenExpected)}`, h('span', { class: 'muted' }, ` · ${formatPercent(f.coverage)}`));
}

function differenceCell(f, percent) {
  if (!f || f.reported === null || f.derived === null) return h('td', { class: 'num muted' }, '—');
  const diff = f.reported - f.derived;
  return h('td', { class: `num${diff === 0 ? '' : ' off'}` }, diff > 0 ? `+${formatValue(diff, percent)}` : formatValue(diff, percent));
}

export function breadcrumbs(data, topCodes, period, onDrill) {
  const items = [];
  if (topCodes.length > 1) items.push({ code: null, name: t('root'), reachable: true });
  const chain = [...data.ancestors].reverse();
  const firstReach = chain.findIndex((a) => topCodes.includes(a.code));
  chain.forEach((a, i) => items.push({ code: a.code, name: a.name, reachable: topCodes.length > 1 || (firstReach !== -1 && i >= firstReach) }));
  if (data.unit) items.push({ code: data.unit.code, name: data.unit.name, current: true });
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'breadcrumbs' },
    h('ol', {}, items.map((it) => h('li', { dataset: { unit: it.code ?? '' } },
      it.current || !it.reachable
        ? h('span', { 'aria-current': it.current ? 'page' : undefined }, it.name)
        : h('a', { href: '#', onclick: (e) => { e.preventDefault(); onDrill(it.code); } }, it.name)))),
    h('span', { class: 'muted period-tag' }, period));
}

function indicatorTable(data, ctx) {
  const code = data.unit.code;
  const own = data.figures.filter((f) => f.unit === code);
  const ownFlags = data.flags.filter((f) => f.flag.unit === code);
  if (own.length === 0) return h('p', { class: 'muted' }, t('noFigures'));
  const rows = own.map((f) => {
    const info = indicatorInfo(ctx.catalog, f.indicator, f.indicatorName);
    const flags = ownFlags.filter((x) => x.indicators.includes(f.indicator));
    const selected = f.indicator === ctx.indicator;
    return h('tr', {
      class: selected ? 'selected' : undefined, dataset: { indicator: f.indicator }, tabindex: '0',
      onclick: () => ctx.onSelectIndicator(f.indicator),
      onkeydown: (e) => { if (e.key === 'Enter') ctx.onSelectIndicator(f.indicator); },
    },
    h('td', {}, h('span', { class: 'ind-name' }, info.name), scopeTag(f.scope), h('span', { class: 'code' }, f.indicator)),
    h('td', { class: 'num reported' }, formatValue(f.reported, info.percent)),
    h('td', { class: 'num derived' }, formatValue(f.derived, info.percent)),
    differenceCell(f, info.percent),
    coverageCell(f),
    h('td', { class: 'flags' }, badges(flags, `${data.unit.name} · ${info.name}`, ctx.onOpenFlags)),
    h('td', {}, h('button', { type: 'button', class: 'chart-button', title: t('showChart', info.name), 'aria-label': t('showChart', info.name), onclick: (e) => { e.stopPropagation(); ctx.onSelectIndicator(f.indicator, true); } }, chartIcon())));
  });
  return h('table', { class: 'data indicators' },
    h('thead', {}, h('tr', {}, [t('indicator'), t('reported'), t('derived'), t('difference'), t('coverage'), t('flags'), t('chart')]
      .map((label, i) => h('th', { class: i >= 1 && i <= 4 ? 'num' : undefined, scope: 'col' }, label)))),
    h('tbody', {}, rows));
}

function flagList(data, ctx) {
  const own = data.flags.filter((f) => f.flag.unit === data.unit.code);
  if (own.length === 0) return h('p', { class: 'muted' }, t('noFlags'));
  return h('table', { class: 'data flag-list' },
    h('thead', {}, h('tr', {}, h('th', {}, t('severity')), h('th', {}, t('rule')), h('th', {}, t('message')), h('th', { class: 'num' }, t('page')))),
    h('tbody', {}, own.map((f) => h('tr', {
      class: 'clickable', tabindex: '0', dataset: { flag: f.flag.id },
      onclick: () => ctx.onOpenFlags([f], `${data.unit.name} · ${f.flag.ruleId}`),
      onkeydown: (e) => { if (e.key === 'Enter') ctx.onOpenFlags([f], `${data.unit.name} · ${f.flag.ruleId}`); },
    },
    h('td', {}, h('span', { class: `badge sev-${f.flag.severity}` }, severityLabel(f.flag.severity))),
    h('td', {}, h('code', {}, f.flag.ruleId)),
    h('td', {}, localized(f.flag.message)),
    h('td', { class: 'num' }, f.flag.evidence[0]?.page ?? '—')))));
}

function childrenTable(data, ctx) {
  // At the top there is no unit of its own: the indicators offered are those the level has.
  const offered = data.unit === null ? data.indicators.map((i) => [i.indicator, i.indicatorName]) : data.figures.map((f) => [f.indicator, f.indicatorName]);
  const indicators = [...new Map(offered).entries()]
    .map(([code, apiName]) => ({ code, ...indicatorInfo(ctx.catalog, code, apiName) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const indicator = ctx.indicator;
  const info = indicatorInfo(ctx.catalog, indicator ?? '', undefined);
  const shown = ctx.childFigures;
  const withData = new Set([...shown.map((f) => f.unit), ...data.flags.map((f) => f.flag.unit)]);
  const children = ctx.onlyWithData ? data.children.filter((c) => withData.has(c.code)) : data.children;
  const select = h('select', { id: 'child-indicator', onchange: (e) => ctx.onSelectIndicator(e.target.value) },
    indicators.map((i) => h('option', { value: i.code, selected: i.code === indicator }, i.name)));
  const controls = h('div', { class: 'controls' },
    indicators.length ? h('label', {}, `${t('childIndicator')}: `, select) : null,
    h('label', { class: 'toggle' }, h('input', { type: 'checkbox', id: 'only-with-data', checked: ctx.onlyWithData, onchange: (e) => ctx.onToggleOnlyWithData(e.target.checked) }), ' ', t('onlyWithData'),
      ` (${formatNumber(data.children.filter((c) => withData.has(c.code)).length)}/${formatNumber(data.children.length)})`));
  if (data.children.length === 0) return h('div', {}, h('p', { class: 'muted' }, t('noChildren')));
  const rows = children.map((c) => {
    const f = shown.find((x) => x.unit === c.code && x.indicator === indicator);
    const own = data.flags.filter((x) => x.flag.unit === c.code);
    const drill = c.childCount > 0 || withData.has(c.code);
    return h('tr', { dataset: { unit: c.code }, class: withData.has(c.code) ? undefined : 'empty' },
      h('td', {},
        drill ? h('a', { href: '#', class: 'drill', title: t('drill', c.name), onclick: (e) => { e.preventDefault(); ctx.onDrill(c.code); } }, c.name) : h('span', {}, c.name),
        h('span', { class: 'code' }, c.code),
        withData.has(c.code) ? null : h('span', { class: 'muted' }, ` · ${t('noData')}`)),
      h('td', { class: 'num reported' }, formatValue(f?.reported, info.percent)),
      h('td', { class: 'num derived' }, formatValue(f?.derived, info.percent)),
      coverageCell(f),
      h('td', { class: 'flags' }, badges(own.filter((x) => x.indicators.includes(indicator)), `${c.name} · ${info.name}`, ctx.onOpenFlags)),
      h('td', { class: 'flags' }, badges(own, c.name, ctx.onOpenFlags)));
  });
  return h('div', {}, controls,
    h('table', { class: 'data children' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('unit')), h('th', { class: 'num', scope: 'col' }, t('reported')), h('th', { class: 'num', scope: 'col' }, t('derived')),
        h('th', { class: 'num', scope: 'col' }, t('coverage')), h('th', { scope: 'col' }, `${t('flags')} · ${info.name}`), h('th', { scope: 'col' }, `${t('flags')} · ${t('unit').toLowerCase()}`))),
      h('tbody', {}, rows)));
}

/**
 * Picks the indicator to show: the one asked for if the data has it, else the unit's first, else
 * any; at the top, the one asked for if the level has it, else the one most of its units give.
 */
export function pickIndicator(data, wanted) {
  if (data.unit === null) {
    const codes = data.indicators.map((i) => i.indicator);
    return wanted && codes.includes(wanted) ? wanted : (codes[0] ?? null);
  }
  const codes = data.figures.map((f) => f.indicator);
  if (wanted && codes.includes(wanted)) return wanted;
  const own = data.unit ? data.figures.find((f) => f.unit === data.unit.code) : undefined;
  return own?.indicator ?? codes[0] ?? null;
}

export function drillDownView(data, ctx) {
  const title = data.unit ? data.unit.name : t('root');
  return h('div', { class: 'drill-down' },
    data.unit ? h('section', { 'aria-labelledby': 'ind-title' },
      h('h2', { id: 'ind-title' }, t('indicatorsOf', data.unit.name, ctx.period)),
      indicatorTable(data, ctx)) : null,
    h('section', { 'aria-labelledby': 'children-title' },
      h('h2', { id: 'children-title' }, data.unit ? t('childrenOf', title) : t('childrenTopLevel', ctx.period)),
      childrenTable(data, ctx)),
    data.unit ? h('section', { class: 'chart-section', id: 'chart' }) : null,
    data.unit ? h('section', { 'aria-labelledby': 'flags-title' },
      h('h2', { id: 'flags-title' }, t('flagsOf', data.unit.name, ctx.period)),
      flagList(data, ctx)) : null);
}
