/**
 * The date a period is read against, as SQL (the same rule as UnitRegistry.dateFor): the
 * period's last day, raised to the register's first day; NULL for `unknown` or anything else.
 *
 *   2016 → 2016-12-31        2020-Q1 → 2020-03-31     2020-H1 → 2020-06-30
 *   2020-M02 → 2020-02-29    2020-9M → 2020-09-30     2011..2020 → 2020-12-31
 *
 * `period` is an SQL expression (a column); `firstDate` an ISO date from the register.
 */
export function periodDateSql(period: string, firstDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDate)) throw new RangeError(`not an ISO date: ${firstDate}`);
  const p = `(${period})`;
  const year = `CAST(substr(${p}, 1, 4) AS INTEGER)`;
  const end = `CASE
      WHEN regexp_full_match(${p}, '\\d{4}') THEN make_date(${year}, 12, 31)
      WHEN regexp_full_match(${p}, '\\d{4}\\.\\.\\d{4}') THEN make_date(CAST(substr(${p}, 7, 4) AS INTEGER), 12, 31)
      WHEN regexp_full_match(${p}, '\\d{4}-Q[1-4]') THEN last_day(make_date(${year}, CAST(substr(${p}, 7, 1) AS INTEGER) * 3, 1))
      WHEN regexp_full_match(${p}, '\\d{4}-H[12]') THEN last_day(make_date(${year}, CAST(substr(${p}, 7, 1) AS INTEGER) * 6, 1))
      WHEN regexp_full_match(${p}, '\\d{4}-M(0[1-9]|1[0-2])') THEN last_day(make_date(${year}, CAST(substr(${p}, 7, 2) AS INTEGER), 1))
      WHEN regexp_full_match(${p}, '\\d{4}-9M') THEN make_date(${year}, 9, 30)
    END`;
  // Not greatest(): it skips NULLs, and `unknown` must stay NULL.
  return `(CASE WHEN ${end} < DATE '${firstDate}' THEN DATE '${firstDate}' ELSE ${end} END)`;
}
