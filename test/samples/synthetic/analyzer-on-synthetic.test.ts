// The real parser and the single-document rules (what `tonghop analyze` runs) on generated
// reports: a clean report must yield its unit, level, period and every figure with its
// indicator code, and raise nothing at error or warning level; a report with an injected
// rate, sum or bounds error must raise that family and no other. Conflict, hierarchy,
// outlier and completeness are cross-document families: `analyze` sees none of them.
//
// A sample of the default province keeps this quick (about 40 files).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../schemas/fact/v1.ts';
import type { Flag } from '../../../schemas/flag/v1.ts';
import { Period } from '../../../schemas/identifiers.ts';
import { sha256Hex } from '../../../infra/store/object-key.ts';
import { checkDocument } from '../../../services/consolidator/rules/document-rules.ts';
import { analyzeDocument } from '../../../services/parser/document-analysis.ts';
import { readDocument } from '../../../services/parser/document-reader.ts';
import type { ReportMetadata } from '../../../services/parser/metadata/index.ts';
import { loadUnitRegistry, matchUnitName } from '../../../services/registry/index.ts';
import { generateProvince, type ExpectedReport, type SyntheticFile, type SyntheticReport } from '../../../samples/synthetic/province-generator.ts';
import { FIGURE_CODES, OFFICE_CODES, RATE_CODES, type FigureCode } from '../../../samples/synthetic/synthetic-indicators.ts';

const pdftotextMissing = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error !== undefined;

interface Analysis {
  facts: Fact[];
  metadata: ReportMetadata;
  flags: Flag[];
}

/** As pipelines/cli/analyze-command.ts does it. */
async function analyze(file: SyntheticFile): Promise<Analysis> {
  const mediaType = file.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const doc = await readDocument(file.bytes, mediaType, file.name);
  const { facts, metadata } = analyzeDocument(sha256Hex(file.bytes), doc);
  const period = Period.safeParse(metadata.period?.value);
  return { facts, metadata, flags: checkDocument({ unit: 'unknown', period: period.success ? period.data : 'unknown', facts }) };
}

const isRate = (code: FigureCode) => (RATE_CODES as readonly string[]).includes(code);

const levelsOf = (f: Fact) => (f.scope?.reach === 'levels' ? (f.scope.levels ?? []).join('+') : f.scope?.reach);

/**
 * Each indicator once in the text (counts as `count`, rates as `ratio` with n/d) and once in the
 * appendix; a district's or the province's file figures as its communes' (`cấp xã trên địa bàn`),
 * its own office's files beside them as its own, the province's district offices as theirs.
 */
function expectFigures(analysis: Analysis, expected: ExpectedReport, report: SyntheticReport): void {
  const parent = report.unit.level !== 'commune';
  const statedFor = (f: Fact) => !parent || !f.indicator?.startsWith('hoso.') || levelsOf(f) === 'commune';
  for (const code of FIGURE_CODES) {
    const all = analysis.facts.filter((f) => f.indicator === code && (f.kind === (isRate(code) ? 'ratio' : 'count')));
    const text = all.filter(statedFor);
    expect(text.map((f) => (isRate(code) ? f.rate : f.value)), `text ${code}`).toEqual([expected.text[code]]);
    const cells = analysis.facts.filter((f) => f.indicator === code && f.kind === 'table-cell');
    expect(cells.map((f) => f.value), `table ${code}`).toEqual([expected.table[code]]);
    expect(cells.every(statedFor), `scope of table ${code}`).toBe(true);
    for (const f of [...text, ...cells]) expect([undefined, expected.period], `period of ${code}`).toContain(f.period);
  }
  const offices = report.spec.offices;
  if (!offices) return;
  const office = (scope: string, code: string) => analysis.facts.filter((f) => f.kind === 'count' && f.indicator === code && levelsOf(f) === scope).map((f) => f.value);
  for (const code of OFFICE_CODES) {
    expect(office('own', code), `own office ${code}`).toEqual([offices.own[code]]);
    expect(office('district', code), `district offices ${code}`).toEqual(offices.districts ? [offices.districts[code]] : []);
  }
}

function expectUnit(analysis: Analysis, report: SyntheticReport): void {
  const { metadata } = analysis;
  expect(metadata.unit?.level).toBe(report.unit.level);
  expect(metadata.period?.value).toBe(report.period);
  expect(metadata.warnings).toEqual([]);
  const match = matchUnitName(loadUnitRegistry().hierarchyFor(report.period)!, { name: metadata.unit!.name, level: metadata.unit!.level, context: metadata.parentUnits ?? [] });
  expect(match.status === 'matched' ? match.unit.code : match).toBe(report.unit.code);
}

const serious = (flags: Flag[]) => flags.filter((f) => f.severity !== 'info');

describe('the analyzer on a synthetic province', () => {
  const province = generateProvince({ provinceCode: '58', seed: 1 });
  const expectedOf = new Map(province.expected.reports.map((r) => [`${r.unit.code}|${r.period}`, r]));
  const clean = province.reports.filter((r) => r.errors.length === 0);
  // The province, two districts (one a city, whose name has a hyphen), four communes of all three types.
  const sample = [
    clean.find((r) => r.unit.level === 'province' && r.period === '2022')!,
    clean.find((r) => r.unit.code === '582' && r.period === '2023')!,
    clean.find((r) => r.unit.level === 'district' && r.unit.code !== '582' && r.period === '2020')!,
    clean.find((r) => r.unit.level === 'commune' && r.unit.name.startsWith('Phường') && r.period === '2024')!,
    clean.find((r) => r.unit.level === 'commune' && r.unit.name.startsWith('Thị trấn') && r.period === '2021')!,
    clean.find((r) => r.unit.level === 'commune' && r.unit.name.startsWith('Xã') && r.period === '2022')!,
    clean.find((r) => r.unit.level === 'commune' && r.unit.parent === '588' && r.period === '2020')!,
  ];
  const files = (report: SyntheticReport) => report.files.filter((f) => f.format === 'docx' || !pdftotextMissing);

  describe.each(sample.map((report) => ({ report, name: report.stem })))('clean report $name', ({ report }) => {
    it.each(files(report).map((file) => ({ file, format: file.format })))('$format: unit, period and every figure are read, and nothing is flagged', async ({ file }) => {
      const analysis = await analyze(file);
      expectUnit(analysis, report);
      expectFigures(analysis, expectedOf.get(`${report.unit.code}|${report.period}`)!, report);
      expect(serious(analysis.flags)).toEqual([]);
    });
  });

  describe.each(province.manifest.filter((e) => e.kind !== 'completeness').map((e) => ({ error: e, name: `${e.id} ${e.kind}` })))('$name', ({ error }) => {
    const report = province.reports.find((r) => r.errors.includes(error.id))!;
    it.each(files(report).map((file) => ({ file, format: file.format })))(`$format: raises ${error.documentFlags} ${error.family} error(s) and nothing else`, async ({ file }) => {
      const analysis = await analyze(file);
      expectUnit(analysis, report);
      expectFigures(analysis, expectedOf.get(`${report.unit.code}|${report.period}`)!, report);
      const flags = serious(analysis.flags);
      expect(flags.map((f) => `${f.family}/${f.severity}`)).toEqual(Array<string>(error.documentFlags).fill(`${error.family}/error`));
    });
  });

  it('has no report for the completeness error', () => {
    const missing = province.manifest.find((e) => e.kind === 'completeness')!;
    expect(province.reports.some((r) => r.errors.includes(missing.id))).toBe(false);
  });
});

describe('the analyzer on half-year reports', () => {
  const province = generateProvince({ provinceCode: '58', periods: ['2024-H2', '2025-H1'], seed: 4, errors: [] });
  const expectedOf = new Map(province.expected.reports.map((r) => [`${r.unit.code}|${r.period}`, r]));
  const sample = [province.reports.find((r) => r.unit.level === 'district' && r.period === '2025-H1')!, province.reports.find((r) => r.unit.level === 'commune' && r.period === '2024-H2')!];
  it.each(sample.flatMap((report) => report.files.filter((f) => f.format === 'docx' || !pdftotextMissing).map((file) => ({ report, file, name: file.name }))))('$name', async ({ report, file }) => {
    const analysis = await analyze(file);
    expectUnit(analysis, report);
    expectFigures(analysis, expectedOf.get(`${report.unit.code}|${report.period}`)!, report);
    expect(serious(analysis.flags)).toEqual([]);
  });
});
