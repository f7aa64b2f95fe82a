import { periodList, unitList } from '../sql-literal.ts';

/**
 * The rows of the hierarchy's area bound (hierarchy.ts, `hierarchy.area_below_parts`): a
 * parent's figure for its whole area (`toàn huyện`, `toàn tỉnh`: every level) against what is
 * already known to lie inside it — its own office's figure from its own report, plus each
 * child's figure for its whole area (a commune's own figure is its whole area). Only counts and
 * money, only where at least one child reports, and only rows where the parts already exceed the
 * whole: the whole may hold offices no report covers, so a sum below it says nothing, and a sum
 * of some children is a floor too. (The own office alone above the whole is one report's slip:
 * scope-partition.ts.)
 *
 * Few units state an all-level figure, so this reads only theirs (and their children's), not
 * the consolidated figures of every parent.
 */
export interface AreaBoundTarget {
  units: readonly string[];
  periods: readonly string[];
}

export function areaBoundSql(target?: AreaBoundTarget): string {
  const filter = target ? `o.unit IN ${unitList(target.units)} AND o.period IN ${periodList(target.periods)}` : 'TRUE';
  return `WITH
    wholes AS (
      SELECT o.unit, o.period, o.indicator, o.scope, o.as_of, o.value AS reported, o.tolerance AS reported_tolerance,
        o.decimals AS reported_decimals, o.fact_id AS reported_fact, o.report_id AS reported_report
      FROM observations_of_record o JOIN indicators i ON i.code = o.indicator AND i.additive AND i.unit <> 'percent'
      WHERE o.scope = 'area' AND o.level <> 'commune' AND o.unit_valid_from IS NOT NULL AND ${filter}),
    own AS (
      SELECT w.unit, w.period, w.indicator, o.value, o.tolerance
      FROM wholes w JOIN observations_of_record o ON o.unit = w.unit AND o.period = w.period AND o.indicator = w.indicator AND o.scope = 'own'),
    kids AS (
      SELECT w.unit, w.period, w.indicator, sum(c.value) AS value, sum(c.tolerance) AS tolerance, count(*) AS children_reported
      FROM wholes w JOIN observations_of_record c ON c.parent = w.unit AND c.period = w.period AND c.indicator = w.indicator
      WHERE c.unit_valid_from IS NOT NULL AND (c.scope = 'area' OR (c.level = 'commune' AND c.scope = 'own'))
      GROUP BY w.unit, w.period, w.indicator),
    expected AS (
      SELECT w.unit, w.period, count(DISTINCT u.code) AS children_expected
      FROM (SELECT DISTINCT unit, period, as_of FROM wholes) w
        JOIN units u ON u.parent = w.unit AND u.valid_from <= w.as_of AND coalesce(u.valid_to, DATE '9999-12-31') >= w.as_of
      GROUP BY w.unit, w.period)
    SELECT w.unit, w.period, w.indicator, w.scope, w.reported, w.reported_tolerance, w.reported_decimals, w.reported_fact, w.reported_report,
      coalesce(own.value, 0) + coalesce(k.value, 0) AS derived, coalesce(own.tolerance, 0) + coalesce(k.tolerance, 0) AS derived_tolerance,
      own.value AS own_value, coalesce(k.children_reported, 0) AS children_reported, coalesce(e.children_expected, 0) AS children_expected,
      i.unit AS measure, i.name_vi, i.name_en, i.numerator, i.denominator, u.name AS unit_name, u.level
    FROM wholes w
      LEFT JOIN own ON own.unit = w.unit AND own.period = w.period AND own.indicator = w.indicator
      LEFT JOIN kids k ON k.unit = w.unit AND k.period = w.period AND k.indicator = w.indicator
      LEFT JOIN expected e ON e.unit = w.unit AND e.period = w.period
      JOIN indicators i ON i.code = w.indicator
      LEFT JOIN units u ON u.code = w.unit AND u.valid_from <= w.as_of AND coalesce(u.valid_to, DATE '9999-12-31') >= w.as_of
    WHERE coalesce(own.value, 0) + coalesce(k.value, 0) > w.reported + w.reported_tolerance + coalesce(own.tolerance, 0) + coalesce(k.tolerance, 0) + 1e-9
      AND k.children_reported IS NOT NULL
    ORDER BY w.unit, w.period, w.indicator`;
}
