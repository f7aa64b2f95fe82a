import type { Fact } from '../../schemas/fact/v1.ts';
import type { Period, UnitCode } from '../../schemas/identifiers.ts';
import type { IndicatorCatalog, IndicatorDefinition } from '../../schemas/indicators/catalog.ts';
import type { ObservationRecord, ObservationScope } from '../../schemas/records/observation.ts';
import type { UnitRegistry } from '../registry/unit-registry.ts';
import { observationScope } from './observation-scope.ts';
import { periodPlace } from './period-series.ts';
import { groupBy } from './rules/group-by.ts';
import { en, vi, type FlagDraft } from './rules/flag-draft.ts';
import { scopePhrase } from './rules/scope-phrase.ts';
import { decimalsOf, halfUnit, printedUnit, samePrinted } from './rules/printed-precision.ts';

/**
 * A report's facts → its observations: one per indicator, period and scope — whose figure it
 * is (observation-scope.ts): the unit's own office, the units of a level within its area
 * (`cấp xã trên địa bàn huyện`), all levels, or not said. A figure the report gives for another
 * named unit or agency is left out. Only facts mapped to a catalog indicator with an exact figure count
 * (a bound such as `trên 15,08 tỷ` or a change `tăng 12` does not); a fact's own period wins
 * over the report's (a 2011–2020 report gives per-year figures).
 *
 * When a report gives one indicator and period several times:
 *   - a table figure is preferred to the text (appendix tables are where reports put the
 *     figure of record);
 *   - different values within the preferred source make the observation `ambiguous`:
 *     kept, but left out of rollups and comparisons, rather than guessing which is meant;
 *   - one table value and one text value that differ beyond their printed precision are a
 *     conflict (family `conflict`, rule `conflict.text_vs_table`), returned as a draft; the
 *     observation is then ambiguous too: which of the two is right is for the unit to say,
 *     and a rollup built on either would only move the doubt to the parent.
 */
export interface ReportObservations {
  observations: ObservationRecord[];
  conflicts: FlagDraft[];
}

export interface ObservationContext {
  reportId: string;
  unit: UnitCode;
  period: Period;
  registry: UnitRegistry;
  catalog: Readonly<IndicatorCatalog>;
}

export const CONFLICT_TEXT_TABLE = 'conflict.text_vs_table';

interface Reading {
  fact: Fact;
  value: number;
  decimals: number;
  tolerance: number;
  source: 'table' | 'text';
}

export function buildObservations(facts: readonly Fact[], ctx: ObservationContext): ReportObservations {
  if (ctx.unit === 'unknown') return { observations: [], conflicts: [] };
  const definitions = new Map(ctx.catalog.indicators.map((d) => [d.code, d]));
  const readings: { key: string; period: Period; scope: ObservationScope; indicator: IndicatorDefinition; reading: Reading }[] = [];
  const levelOn = (period: Period) => {
    const asOf = ctx.registry.dateFor(period);
    return asOf ? ctx.registry.get(ctx.unit, asOf)?.level : undefined;
  };
  for (const fact of facts) {
    const indicator = fact.indicator === undefined ? undefined : definitions.get(fact.indicator);
    const period = fact.period ?? ctx.period;
    if (!indicator || period === 'unknown') continue;
    // A figure of another named unit or agency (`huyện Lập Thạch … 0,33%` in a province's report) is not the unit's own.
    const scope = observationScope(fact.scope, levelOn(period));
    const reading = scope === undefined ? undefined : readingOf(fact, indicator);
    if (reading && scope) readings.push({ key: `${indicator.code}\u241f${period}\u241f${scope}`, period, scope, indicator, reading });
  }
  const observations: ObservationRecord[] = [];
  const conflicts: FlagDraft[] = [];
  for (const group of groupBy(readings, (r) => r.key).values()) {
    const { period, scope, indicator } = group[0]!;
    const place = periodPlace(period);
    const asOf = ctx.registry.dateFor(period);
    if (!place || !asOf) continue;
    const table = distinct(group.filter((g) => g.reading.source === 'table').map((g) => g.reading));
    const text = distinct(group.filter((g) => g.reading.source === 'text').map((g) => g.reading));
    const preferred = table.length > 0 ? table : text;
    const [tableValue] = table;
    const [textValue] = text;
    const conflicting = table.length === 1 && text.length === 1 && tableValue !== undefined && textValue !== undefined && !same(tableValue, textValue);
    if (conflicting) conflicts.push(conflictDraft(indicator, period, scope, tableValue, textValue));
    const chosen = preferred[0]!;
    const unit = ctx.registry.get(ctx.unit, asOf);
    const province = unit ? (ctx.registry.ancestors(unit.code, asOf).at(-1) ?? unit) : undefined;
    observations.push({
      report_id: ctx.reportId, unit: ctx.unit, period, indicator: indicator.code, scope,
      value: chosen.value, tolerance: chosen.tolerance, decimals: chosen.decimals, fact_id: chosen.fact.id,
      source: chosen.source, ambiguous: preferred.length > 1 || conflicting, as_of: asOf,
      unit_valid_from: unit?.validFrom ?? null, parent: unit?.parent ?? null, province: province?.code ?? null, level: unit?.level ?? null,
      period_kind: place.kind, period_index: place.index,
    });
  }
  return { observations, conflicts };
}

function readingOf(fact: Fact, indicator: IndicatorDefinition): Reading | undefined {
  if (fact.qualifier !== undefined || fact.kind === 'change') return undefined;
  const source = fact.kind === 'table-cell' ? 'table' : 'text';
  if (indicator.unit === 'percent') {
    const rate = fact.rate ?? (fact.kind === 'table-cell' && fact.unit === '%' ? fact.value : undefined);
    if (rate === undefined) return undefined;
    const decimals = decimalsOf(rate);
    return { fact, value: rate, decimals, tolerance: halfUnit(decimals), source };
  }
  if (fact.rate !== undefined && fact.value === undefined && fact.total === undefined) return undefined;
  const value = fact.kind === 'breakdown' ? fact.total : fact.value;
  if (value === undefined || fact.unit === '%') return undefined;
  return { fact, value, decimals: 0, tolerance: indicator.unit === 'VND' ? printedMoneyTolerance(value) : 0, source };
}

/** Money is printed in tỷ/triệu with a few decimals: its trailing zeros tell the precision (15 080 000 000 → ± 5 000 000). */
function printedMoneyTolerance(value: number): number {
  const unit = printedUnit(value);
  return unit >= 1000 ? unit / 2 : 0;
}

/** Readings with different values, first occurrence of each, in document order. */
function distinct(readings: Reading[]): Reading[] {
  const out: Reading[] = [];
  for (const r of readings) {
    if (!out.some((o) => same(o, r))) out.push(r);
  }
  return out;
}

function same(a: Reading, b: Reading): boolean {
  return Math.abs(a.value - b.value) <= a.tolerance + b.tolerance
    || samePrinted(a.value, b.value, Math.min(a.decimals, b.decimals));
}

function conflictDraft(indicator: IndicatorDefinition, period: Period, scope: ObservationScope, table: Reading, text: Reading): FlagDraft {
  const whose = scopePhrase(scope);
  return {
    ruleId: CONFLICT_TEXT_TABLE, family: 'conflict', severity: 'error',
    left: text.value, right: table.value, imbalance: text.value - table.value,
    values: { text: text.value, table: table.value },
    facts: [text.fact, table.fact],
    message: {
      vi: `"${indicator.name.vi}"${whose.vi} kỳ ${period}: phần lời ghi ${vi(text.value)} (trang ${text.fact.evidence.page}) nhưng bảng số liệu ghi ${vi(table.value)} (trang ${table.fact.evidence.page}).`,
      en: `"${indicator.name.en}"${whose.en} for ${period}: the text says ${en(text.value)} (page ${text.fact.evidence.page}) but the table says ${en(table.value)} (page ${table.fact.evidence.page}).`,
    },
  };
}
