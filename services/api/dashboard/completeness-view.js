// Who has not reported, and who was late (GET /v1/completeness): for the unit shown, its
// units below; at the top, every unit the token may read. Parents where nobody reported are
// folded away when there are many (a national reader sees 63 provinces).

import { getJson } from './api-client.js';
import { h } from './dom.js';
import { formatNumber, t } from './i18n.js';

export async function loadCompleteness(unit, period) {
  return getJson('/v1/completeness', { unit, period });
}

function memberList(items, render, emptyText) {
  if (items.length === 0) return h('span', { class: 'muted' }, emptyText);
  const list = h('ul', { class: 'members' }, items.map(render));
  return items.length > 8 ? h('details', {}, h('summary', {}, t('unitsCount', formatNumber(items.length))), list) : list;
}

export function completenessView(data, { period, showAll, onToggleAll, onDrill }) {
  const rows = showAll ? data.rows : data.rows.filter((r) => r.received > 0 || data.rows.length <= 12);
  const hidden = data.rows.length - rows.length;
  return h('section', { class: 'completeness', 'aria-labelledby': 'completeness-title' },
    h('h2', { id: 'completeness-title' }, t('completenessOf', period)),
    h('p', { class: 'muted' }, data.dueDays === null ? t('dueNotSet') : t('dueDays', data.dueDays)),
    data.rows.length > 12
      ? h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: showAll, onchange: (e) => onToggleAll(e.target.checked) }), ' ', t('completenessShowAll'), hidden ? ` (+${hidden})` : '')
      : null,
    rows.length === 0 ? h('p', { class: 'muted' }, t('completenessEmpty')) : h('table', { class: 'data completeness-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('unit')), h('th', { class: 'num' }, t('expected')), h('th', { class: 'num' }, t('received')), h('th', {}, t('missing')), h('th', {}, t('late')))),
      h('tbody', {}, rows.map((r) => h('tr', { dataset: { unit: r.unit } },
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => onDrill(r.unit) }, r.unitName), h('span', { class: 'code' }, r.unit)),
        h('td', { class: 'num' }, formatNumber(r.expected)),
        h('td', { class: 'num' }, formatNumber(r.received), h('span', { class: 'muted' }, ` (${Math.round((r.received / Math.max(r.expected, 1)) * 100)}%)`)),
        h('td', { class: 'missing' }, memberList(r.missing, (m) => h('li', { dataset: { unit: m.code } }, m.name, ' ', h('span', { class: 'code' }, m.code)), t('allReported'))),
        h('td', { class: 'late' }, memberList(r.late, (l) => h('li', { dataset: { unit: l.code } }, t('lateDetail', l.name, l.submittedAt.slice(0, 10), l.due, formatNumber(l.daysLate))), t('noneLate'))))))));
}
