// Reporting periods as the API spells them, newest first:
//
//   period = YYYY | YYYY-Q[1-4] | YYYY-H[12] | YYYY-M[01-12] | YYYY-9M | YYYY..YYYY | unknown
//
// Ordered by the period's last day (the date the register is read on), then the longer
// spelling first, so "2011..2020" comes just before "2020". `unknown` (a report not yet placed) is left out.

const RULES = [
  [/^(\d{4})$/, (y) => `${y}-12-31`],
  [/^(\d{4})-Q([1-4])$/, (y, q) => `${y}-${String(Number(q) * 3).padStart(2, '0')}-31`],
  [/^(\d{4})-H([12])$/, (y, hh) => (hh === '1' ? `${y}-06-30` : `${y}-12-31`)],
  [/^(\d{4})-M(\d{2})$/, (y, m) => `${y}-${m}-31`],
  [/^(\d{4})-9M$/, (y) => `${y}-09-30`],
  [/^(\d{4})\.\.(\d{4})$/, (_a, b) => `${b}-12-31`],
];

/** A sortable end of the period (not a real date: every month ends on the 31st here), or undefined. */
export function periodEnd(period) {
  for (const [re, end] of RULES) {
    const m = re.exec(period);
    if (m) return end(...m.slice(1));
  }
  return undefined;
}

export function sortPeriods(periods) {
  const known = [...new Set(periods)].filter((p) => periodEnd(p) !== undefined);
  return known.sort((a, b) => {
    const ea = periodEnd(a);
    const eb = periodEnd(b);
    if (ea !== eb) return ea < eb ? 1 : -1;
    return b.length - a.length || (a < b ? -1 : 1);
  });
}
