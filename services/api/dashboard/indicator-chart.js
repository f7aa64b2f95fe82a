// One indicator of one unit over its periods (GET /v1/figures/series), as inline SVG:
// what the unit reported (solid line, round dots) beside what its units below add up to
// (dashed line, square dots). Periods run left to right in the API's order (by last day).
// A multi-year total (`2011..2020`) is not a point on a yearly line: when there are yearly
// (or shorter) periods it is listed under the chart instead. No chart library: a linear
// y axis from 0 with about five round ticks.

import { h, svg } from './dom.js';
import { formatNumber, t } from './i18n.js';

const W = 680;
const H = 260;
const M = { top: 16, right: 16, bottom: 44, left: 64 };

/** Round tick step for a range: 1, 2 or 5 times a power of ten. */
export function niceStep(max, ticks = 5) {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** A small bar-chart icon for the buttons that open a chart (no emoji font needed). */
export function chartIcon() {
  return svg('svg', { class: 'icon', viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' },
    svg('rect', { x: 2, y: 8, width: 3, height: 6 }), svg('rect', { x: 6.5, y: 4, width: 3, height: 10 }), svg('rect', { x: 11, y: 6, width: 3, height: 8 }));
}

const isSpan = (period) => period.includes('..');

/** The chart, and under it the multi-year totals left off the line. */
export function indicatorChart(allPoints, { label, percent }) {
  const short = allPoints.filter((p) => !isSpan(p.period));
  const points = short.length > 0 ? short : allPoints;
  const spans = short.length > 0 ? allPoints.filter((p) => isSpan(p.period)) : [];
  const fmt = (v) => (percent ? `${formatNumber(v)}%` : formatNumber(v));
  return h('div', { class: 'chart-wrap' },
    lineChart(points, { label, percent, fmt }),
    spans.length ? h('p', { class: 'spans muted' }, `${t('spanTotals')}: `, spans.map((p, i) => h('span', { class: 'span-total', dataset: { period: p.period } },
      i ? '; ' : '', `${p.period} — ${t('reported')} ${p.reported === null ? '—' : fmt(p.reported)}, ${t('derived')} ${p.derived === null ? '—' : fmt(p.derived)}`))) : null);
}

function lineChart(points, { label, percent, fmt }) {
  const values = points.flatMap((p) => [p.reported, p.derived]).filter((v) => typeof v === 'number');
  const top = Math.max(percent ? 0 : 1, ...values);
  const step = niceStep(top);
  const yMax = Math.ceil(top / step) * step || step;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(points.length, 1);
  const x = (i) => M.left + band * (i + 0.5);
  const y = (v) => M.top + plotH * (1 - v / yMax);

  const grid = [];
  for (let v = 0; v <= yMax + step / 2; v += step) {
    grid.push(svg('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
    grid.push(svg('text', { class: 'tick', x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  const xLabels = points.map((p, i) => svg('text', { class: 'tick', x: x(i), y: H - M.bottom + 18, 'text-anchor': 'middle' }, p.period));

  const series = (key, cls, marker) => {
    const pts = points.map((p, i) => ({ i, v: p[key], period: p.period })).filter((p) => typeof p.v === 'number');
    const line = pts.length > 1 ? svg('polyline', { class: `line ${cls}`, points: pts.map((p) => `${x(p.i)},${y(p.v)}`).join(' ') }) : null;
    const dots = pts.map((p) => {
      const title = svg('title', {}, `${p.period}: ${t(key)} ${fmt(p.v)}`);
      return marker === 'square'
        ? svg('rect', { class: `dot ${cls}`, x: x(p.i) - 4, y: y(p.v) - 4, width: 8, height: 8, dataset: { period: p.period, value: String(p.v) } }, title)
        : svg('circle', { class: `dot ${cls}`, cx: x(p.i), cy: y(p.v), r: 4.5, dataset: { period: p.period, value: String(p.v) } }, title);
    });
    return [line, ...dots];
  };

  const legend = svg('g', { class: 'legend', transform: `translate(${M.left}, ${H - 10})` },
    svg('circle', { class: 'dot reported', cx: 0, cy: -4, r: 4.5 }),
    svg('text', { x: 10, y: 0 }, t('reported')),
    svg('rect', { class: 'dot derived', x: 150, y: -8, width: 8, height: 8 }),
    svg('text', { x: 164, y: 0 }, t('derived')));

  return svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    grid,
    svg('line', { class: 'axis', x1: M.left, x2: M.left, y1: M.top, y2: M.top + plotH }),
    svg('line', { class: 'axis', x1: M.left, x2: W - M.right, y1: M.top + plotH, y2: M.top + plotH }),
    xLabels,
    series('derived', 'derived', 'square'),
    series('reported', 'reported', 'circle'),
    legend);
}
