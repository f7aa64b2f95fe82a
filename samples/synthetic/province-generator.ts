import type { AdminUnit, UnitLevel } from '../../schemas/registry/admin-unit.ts';
import { loadUnitRegistry, type UnitRegistry } from '../../services/registry/unit-registry.ts';
import { writeReportDocx } from './docx-report-writer.ts';
import { planErrors, type PlannedError } from './error-plan.ts';
import { DEFAULT_ERRORS, DOCUMENT_FLAGS, type ErrorRequest, type FlagFamily, type InjectedError } from './injected-error.ts';
import { writeReportPdf } from './pdf-report-writer.ts';
import { Prng } from './prng.ts';
import { generateCommuneCounts, generateOfficeCounts, provinceTree, rollUp, sumOffices, type FigureTable } from './province-figures.ts';
import { buildReportDocument } from './report-document.ts';
import { reportIssue } from './report-issue.ts';
import type { ReportSpec } from './report-spec.ts';
import { withRates, type CountCode, type Counts, type FigureCode, type Figures, type OfficeCode, type OfficeCounts } from './synthetic-indicators.ts';
import { PERIOD_PATTERN, slug } from './vietnamese-format.ts';

/**
 * A synthetic province: a report from every commune, district and the province for every
 * period, as DOCX and PDF, with errors of known kinds injected, and the record of them.
 *
 *   generateProvince({ provinceCode: '58', seed: 7 }) → { reports, manifest, expected }
 *
 * A pure function of its options: the same options give the same bytes (prng.ts; the
 * writers use no clock). The figures are in province-figures.ts, where each error goes and
 * what it prints in error-plan.ts, the wording in report-document.ts.
 *
 * How parents relate to children: every district prints the sum of its communes' figures
 * and the province the sum of its districts', for each additive indicator (the catalog's
 * `additive`), as offices compile the reports they receive. An error that changes a
 * commune's additive figure (bounds, outlier) is therefore carried up, and the parents stay
 * consistent with what their children printed; a hierarchy error is the one place where a
 * parent's figure is not that sum. A commune whose report is missing (completeness) is
 * still counted in its district's figures (the district has the data; coverage is short).
 * Rates are computed from each unit's own counts, never averaged.
 *
 * On the two-level map (periods from 1 July 2025) the province's children are its communes:
 * there are no districts, the province prints its communes' sum (`cấp xã trên địa bàn tỉnh`)
 * beside its own centre's files, and a district's default error (sum, hierarchy) goes to it.
 */
export type OutputFormat = 'docx' | 'pdf';

export interface ProvinceOptions {
  /** GSO code of a province on the map of the periods. Default `58` (Ninh Thuận before 1 July 2025: 7 districts, 65 communes). */
  provinceCode?: string;
  /**
   * Periods, each `YYYY`, `YYYY-H1|H2`, `YYYY-Q1…Q4` or `YYYY-9M`, all on one map: ending by 30 June
   * 2025 (three levels) or all after it (two levels: `2025-H2`, `2026`). Default 2020–2024 (five years).
   */
  periods?: readonly string[];
  /** Any number or string. Default 1. */
  seed?: number | string;
  /** Errors to inject. Default: one of each kind (`DEFAULT_ERRORS`); `[]` for a clean province. */
  errors?: readonly ErrorRequest[];
  /** Default both; `[]` renders nothing (specs, manifest and expectations only, in a fraction of the time). */
  formats?: readonly OutputFormat[];
  /** Default: the shipped registry (`loadUnitRegistry()`). */
  registry?: UnitRegistry;
}

export const DEFAULT_PROVINCE_OPTIONS = {
  provinceCode: '58',
  periods: ['2020', '2021', '2022', '2023', '2024'],
  seed: 1,
  formats: ['docx', 'pdf'],
} as const satisfies ProvinceOptions;

export interface ReportUnit {
  code: string;
  name: string;
  level: UnitLevel;
  /** The parent's GSO code; absent for the province. */
  parent?: string;
}

export interface SyntheticFile {
  /** `2022-commune-22747-phuong-phu-ha.docx`. */
  name: string;
  format: OutputFormat;
  bytes: Uint8Array;
}

export interface SyntheticReport {
  unit: ReportUnit;
  period: string;
  /** The file name without its extension. */
  stem: string;
  files: SyntheticFile[];
  spec: ReportSpec;
  /** Ids of the errors this report carries (`E3`). */
  errors: string[];
}

/** One report as the pipeline should read it. */
export interface ExpectedReport {
  unit: ReportUnit;
  period: string;
  files: string[];
  errors: string[];
  /** Every indicator as the body text prints it (rates in percent with two decimals). */
  text: Figures;
  /** Every indicator as the appendix table prints it. */
  table: Figures;
}

/** An error-level flag the whole set must raise; nothing else may be raised at error level. */
export interface ExpectedFlag {
  errorId: string;
  family: FlagFamily;
  unit: string;
  period: string;
  indicators: FigureCode[];
}

export interface ExpectedOutcome {
  province: { code: string; name: string };
  periods: string[];
  seed: string;
  reports: ExpectedReport[];
  /** Reports left out on purpose (completeness errors). */
  missing: { unit: ReportUnit; period: string; files: string[]; errorId: string }[];
  flags: ExpectedFlag[];
  /** Units of the map that file nothing: districts without communes (an island district). */
  skippedUnits: { code: string; name: string }[];
}

export interface SyntheticProvince {
  reports: SyntheticReport[];
  manifest: InjectedError[];
  expected: ExpectedOutcome;
}

export function generateProvince(options: ProvinceOptions = {}): SyntheticProvince {
  const provinceCode = options.provinceCode ?? DEFAULT_PROVINCE_OPTIONS.provinceCode;
  const periods = [...(options.periods ?? DEFAULT_PROVINCE_OPTIONS.periods)];
  const seed = String(options.seed ?? DEFAULT_PROVINCE_OPTIONS.seed);
  const formats = [...(options.formats ?? DEFAULT_PROVINCE_OPTIONS.formats)];
  const registry = options.registry ?? loadUnitRegistry();
  const hierarchy = mapFor(registry, periods);
  if (formats.some((f) => f !== 'docx' && f !== 'pdf')) throw new RangeError(`formats must be docx and/or pdf, not ${formats.join(',')}`);

  const prng = new Prng(seed);
  const tree = provinceTree(hierarchy, provinceCode);
  const communes = generateCommuneCounts(tree, periods, prng.fork('values'));
  const clean = rollUp(tree, periods, communes);
  const offices = generateOfficeCounts(tree, periods, prng.fork('offices'));
  const districtOffices = sumOffices(tree, periods, offices);
  const plan = planErrors({ tree, periods, clean, districtOffices, prng: prng.fork('errors') }, options.errors ?? DEFAULT_ERRORS);

  // What each commune prints (and its parents sum), then the parents' figures.
  const compiled: FigureTable = new Map([...communes].map(([code, series]) => [code, new Map(series)]));
  for (const p of plan) {
    if (!p.communeFigure) continue;
    const series = compiled.get(p.unit.code)!;
    series.set(p.period, { ...series.get(p.period)!, [p.communeFigure.code]: p.communeFigure.value });
  }
  // A district's hierarchy error is in its statement of its communes; the province's in its
  // statement of its districts' offices (`cấp huyện`), whose sum it no longer matches, or on the
  // two-level map in its statement of its communes.
  const deltaOf = (unit: AdminUnit, period: string) => plan.find((p) => p.parentDelta && p.unit.code === unit.code && p.period === period)?.parentDelta;
  const childSums = new Map<string, Counts>();
  const all = rollUp(tree, periods, compiled, (unit, period, counts) => {
    childSums.set(`${unit.code}|${period}`, counts);
    const change = tree.groups.includes(unit) ? deltaOf(unit, period) : undefined;
    return change ? { ...counts, [change.code]: counts[change.code] + change.delta } : counts;
  });
  const districtsStated = new Map(periods.map((period) => {
    const change = tree.districts.length > 0 ? deltaOf(tree.province, period) : undefined;
    const sum = districtOffices.get(period)!;
    return [period, change ? { ...sum, [change.code]: sum[change.code as OfficeCode] + change.delta } : sum];
  }));

  const units = [...tree.communes, ...tree.districts, tree.province];
  const reports: SyntheticReport[] = [];
  const expectedReports: ExpectedReport[] = [];
  const missing: ExpectedOutcome['missing'] = [];
  const filesOf = new Map<string, string[]>();
  for (const period of periods) {
    for (const unit of units) {
      const errors = plan.filter((p) => p.unit.code === unit.code && p.period === period);
      const reportUnit = toReportUnit(unit);
      const stem = `${period}-${unit.level}-${unit.code}-${slug(unit.name)}`;
      const names = formats.map((f) => `${stem}.${f}`);
      filesOf.set(`${unit.code}|${period}`, names);
      const gone = errors.find((e) => e.kind === 'completeness');
      if (gone) {
        missing.push({ unit: reportUnit, period, files: names, errorId: gone.id });
        continue;
      }
      const figures = withRates(all.get(unit.code)!.get(period)!);
      const text = { ...figures, ...Object.assign({}, ...errors.map((e) => e.printed?.text ?? {})) as Partial<Figures> };
      const table = { ...figures, ...Object.assign({}, ...errors.map((e) => e.printed?.table ?? {})) as Partial<Figures> };
      const spec: ReportSpec = {
        unit, ancestors: hierarchy.ancestors(unit.code), period,
        ...reportIssue(period, prng.fork(`issue:${unit.code}:${period}`)),
        text, table,
        ...(unit.level === 'commune' ? {} : { offices: { own: offices.get(unit.code)!.get(period)!, ...(unit.level === 'province' && tree.districts.length > 0 ? { districts: districtsStated.get(period)! } : {}) } }),
      };
      const document = buildReportDocument(spec);
      const files = formats.map((format): SyntheticFile => ({
        name: `${stem}.${format}`, format, bytes: format === 'docx' ? writeReportDocx(document) : writeReportPdf(document),
      }));
      const ids = errors.map((e) => e.id);
      reports.push({ unit: reportUnit, period, stem, files, spec, errors: ids });
      expectedReports.push({ unit: reportUnit, period, files: names, errors: ids, text, table });
    }
  }

  const manifest = plan.map((p) => describe(p, { clean, all, childSums, districtOffices, tree, files: filesOf.get(`${p.unit.code}|${p.period}`) ?? [] }));
  return {
    reports,
    manifest,
    expected: {
      province: { code: tree.province.code, name: tree.province.name },
      periods, seed,
      reports: expectedReports,
      missing,
      flags: manifest.map((e) => ({ errorId: e.id, family: e.family, unit: e.unit.code, period: e.period, indicators: e.indicators })),
      skippedUnits: tree.skipped.map((u) => ({ code: u.code, name: u.name })),
    },
  };
}

/** The one map every period reads against (three levels before 1 July 2025, two after). */
function mapFor(registry: UnitRegistry, periods: readonly string[]) {
  if (periods.length === 0) throw new RangeError('at least one period is needed');
  if (new Set(periods).size !== periods.length) throw new RangeError(`periods repeat: ${periods.join(',')}`);
  const maps = periods.map((period) => {
    if (!PERIOD_PATTERN.test(period)) throw new RangeError(`unsupported period ${period}: use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1…Q4 or YYYY-9M`);
    const map = registry.hierarchyFor(period);
    if (!map) throw new RangeError(`period ${period} is before the register's first map`);
    return map;
  });
  if (maps.some((m) => m !== maps[0])) throw new RangeError('the periods fall on different administrative maps');
  return maps[0]!;
}

function toReportUnit(unit: AdminUnit): ReportUnit {
  return { code: unit.code, name: unit.name, level: unit.level, ...(unit.parent ? { parent: unit.parent } : {}) };
}

interface Tables {
  clean: FigureTable;
  all: FigureTable;
  childSums: Map<string, Counts>;
  districtOffices: Map<string, OfficeCounts>;
  tree: ReturnType<typeof provinceTree>;
  files: string[];
}

function describe(p: PlannedError, t: Tables): InjectedError {
  const at = (table: FigureTable, code = p.unit.code) => table.get(code)!.get(p.period)!;
  const indicators: FigureCode[] = p.indicator ? [p.indicator] : [];
  const base = {
    id: p.id, kind: p.kind, family: p.kind, period: p.period, indicators, files: t.files,
    unit: { code: p.unit.code, name: p.unit.name, level: p.unit.level }, documentFlags: DOCUMENT_FLAGS[p.kind],
  };
  const code = p.indicator as CountCode;
  switch (p.kind) {
    case 'rate_mismatch': {
      const rate = p.indicator!;
      return { ...base, trueValues: { [rate]: withRates(at(t.all))[rate] }, printed: { text: p.printed!.text, table: p.printed!.table }, details: p.details,
        description: `${rate} printed ${String(p.printed!.text[rate])}% against ${String(p.details.numerator)}/${String(p.details.denominator)} = ${String(p.details.trueRate)}% (text and appendix)` };
    }
    case 'sum_mismatch':
      return { ...base, trueValues: { [code]: at(t.all)[code] }, printed: { text: p.printed!.text, table: p.printed!.table }, details: p.details,
        description: `tthc.total ${String(p.details.total)} printed with parts adding up to ${String(p.details.partsSum)}: ${code} is ${String(p.printed!.text[code])} instead of ${at(t.all)[code]} (text breakdown and appendix sub-rows)` };
    case 'bounds': {
      const value = p.communeFigure!.value;
      const district = t.all.get(p.unit.parent ?? '')?.get(p.period);
      if (!district) throw new Error(`bounds error ${p.id}: ${p.unit.code} has no district figures`);
      return { ...base, trueValues: { [code]: at(t.clean)[code] }, printed: { text: { [code]: value }, table: { [code]: value } },
        details: { ...p.details, districtPresent: district[code], districtAssigned: district['staff.assigned'] },
        description: `staff.present ${value} above staff.assigned ${String(p.details.assigned)} (text and appendix); carried up into the district's and the province's sums` };
    }
    case 'hierarchy': {
      if (p.unit.level === 'province' && t.tree.districts.length > 0) {
        const summed = t.districtOffices.get(p.period)![code as OfficeCode];
        const printed = summed + p.parentDelta!.delta;
        const children = t.tree.districts.length;
        return { ...base, trueValues: { [code]: summed }, printed: { text: { [code]: printed }, table: {} },
          details: { ...p.details, childrenSum: summed, children, scope: 'district' },
          description: `the province states ${code} = ${printed} for its district offices (cấp huyện, text only); its ${children} districts print ${summed} for their own offices in all` };
      }
      const summed = t.childSums.get(`${p.unit.code}|${p.period}`)![code];
      const printed = at(t.all)[code];
      const children = (t.tree.communesOf.get(p.unit.code) ?? []).length;
      const carried = p.unit.level === 'district';
      return { ...base, trueValues: { [code]: summed }, printed: { text: { [code]: printed }, table: { [code]: printed } },
        details: { ...p.details, childrenSum: summed, children, scope: 'commune', ...(carried ? { provinceSumsPrinted: 'yes' } : {}) },
        description: `the ${p.unit.level} states ${code} = ${printed} for its communes (cấp xã trên địa bàn), its ${children} communes print ${summed} in all${carried ? '; the province adds up the district as printed' : ''}` };
    }
    case 'conflict': {
      const wrong = p.printed!.table[p.indicator!]!;
      const right = withRates(at(t.all))[p.indicator!];
      return { ...base, trueValues: { [p.indicator!]: right }, printed: { text: {}, table: { [p.indicator!]: wrong } }, details: { text: right, table: wrong },
        description: `appendix prints ${p.indicator!} = ${wrong}, the body text ${right} (parents sum the text's figure)` };
    }
    case 'completeness':
      return { ...base, trueValues: {}, printed: { text: {}, table: {} }, details: { district: p.unit.parent ?? '' },
        description: `no report from ${p.unit.name} for ${p.period}; its parent's figures still include it` };
    case 'outlier': {
      const value = p.communeFigure!.value;
      const province = t.tree.province.code;
      const provinceChange = (value - at(t.clean)[code]) / at(t.clean, province)[code];
      return { ...base, trueValues: { [code]: at(t.clean)[code] }, printed: { text: { [code]: value }, table: { [code]: value } },
        details: { ...p.details, provinceChange: Math.round(provinceChange * 10000) / 10000 },
        description: `${code} printed ${value}, ten times its usual ${at(t.clean)[code]} (text and appendix); carried up (district +${(Number(p.details.districtChange) * 100).toFixed(1)} %)` };
    }
  }
}
