// Downloads of what the drill-down shows, through the API's own `format=` option:
//   figures  GET /v1/figures?unit=&children=true&period=&format=csv|xlsx|parquet
//            (at the top: ?level=&period=&format=)
//   flags    GET /v1/flags?unit=&period=&format=csv
// CSV and XLSX carry Vietnamese column headers (the API's), Parquet machine names.

import { download, withQuery } from './api-client.js';
import { h } from './dom.js';
import { localized, t } from './i18n.js';

export function exportUrls(unit, period, topLevel) {
  const figures = unit === null ? { level: topLevel, period } : { unit, children: 'true', period };
  return {
    figures: (format) => withQuery('/v1/figures', { ...figures, format }),
    flags: withQuery('/v1/flags', { ...(unit === null ? {} : { unit }), period, format: 'csv' }),
  };
}

export function exportBar(urls, setStatus) {
  const run = (button, url, fallbackName) => {
    button.disabled = true;
    setStatus(t('exporting'));
    download(url, fallbackName)
      .then(() => setStatus(''))
      .catch((err) => setStatus(t('error', localized(err.text) || err.message)))
      .finally(() => { button.disabled = false; });
  };
  const button = (label, format, url, name) => h('button', {
    type: 'button', class: 'export', dataset: { format },
    onclick: (e) => run(e.currentTarget, url, name),
  }, label);
  return h('div', { class: 'export-bar', role: 'group', 'aria-label': t('export') },
    h('span', { class: 'muted' }, `${t('export')}:`),
    button('CSV', 'csv', urls.figures('csv'), 'tonghop-figures.csv'),
    button('XLSX', 'xlsx', urls.figures('xlsx'), 'tonghop-figures.xlsx'),
    button('Parquet', 'parquet', urls.figures('parquet'), 'tonghop-figures.parquet'),
    button(t('exportFlags'), 'flags-csv', urls.flags, 'tonghop-flags.csv'));
}
