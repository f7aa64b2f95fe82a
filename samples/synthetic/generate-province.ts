// Writes a synthetic province's reports (DOCX and PDF) and manifest.json.
//
//   npm run samples:province -- [--province 58] [--periods 2020,2021,2022,2023,2024] [--seed 1]
//                               [--out data/synthetic/<province>-<seed>] [--formats docx,pdf]
//                               [--errors all | none | kind[:level],…]
//
//   --errors  which errors to inject: `all` (default, one of each kind), `none` (a clean
//             province), or a list such as `rate_mismatch,hierarchy:province,outlier`
//             (kinds: rate_mismatch sum_mismatch bounds hierarchy conflict completeness outlier)
//
// manifest.json = { province, periods, seed, formats, errors: InjectedError[], expected }
// (types in injected-error.ts and province-generator.ts). The folder is created if need be;
// files already in it are overwritten, others left alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { UnitLevel } from '../../schemas/registry/admin-unit.ts';
import { DEFAULT_ERRORS, ERROR_KINDS, type ErrorKind, type ErrorRequest } from './injected-error.ts';
import { DEFAULT_PROVINCE_OPTIONS, generateProvince, type OutputFormat } from './province-generator.ts';

const LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune'];

function readErrors(text: string | undefined): readonly ErrorRequest[] {
  if (text === undefined || text === 'all') return DEFAULT_ERRORS;
  if (text === 'none') return [];
  return text.split(',').map((item) => {
    const [kind, level] = item.trim().split(':');
    if (!ERROR_KINDS.includes(kind as ErrorKind)) throw new RangeError(`unknown error kind ${kind} (kinds: ${ERROR_KINDS.join(', ')})`);
    if (level !== undefined && !LEVELS.includes(level as UnitLevel)) throw new RangeError(`unknown level ${level} (levels: ${LEVELS.join(', ')})`);
    return { kind: kind as ErrorKind, ...(level ? { level: level as UnitLevel } : {}) };
  });
}

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      province: { type: 'string' },
      periods: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      formats: { type: 'string' },
      errors: { type: 'string' },
    },
  });
  const provinceCode = values.province ?? DEFAULT_PROVINCE_OPTIONS.provinceCode;
  const seed = values.seed ?? String(DEFAULT_PROVINCE_OPTIONS.seed);
  const periods = values.periods ? values.periods.split(',').map((p) => p.trim()) : [...DEFAULT_PROVINCE_OPTIONS.periods];
  const formats = (values.formats ? values.formats.split(',').map((f) => f.trim()) : [...DEFAULT_PROVINCE_OPTIONS.formats]) as OutputFormat[];
  const outDir = resolve(values.out ?? join('data', 'synthetic', `${provinceCode}-${seed}`));

  const started = performance.now();
  const province = generateProvince({ provinceCode, periods, seed, formats, errors: readErrors(values.errors) });
  const generatedMs = performance.now() - started;

  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  for (const report of province.reports) {
    for (const file of report.files) {
      writeFileSync(join(outDir, file.name), file.bytes);
      bytes += file.bytes.length;
    }
  }
  const { expected } = province;
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({
    province: expected.province, periods: expected.periods, seed: expected.seed, formats, errors: province.manifest, expected,
  }, null, 2)}\n`);

  const byLevel = (level: UnitLevel) => province.reports.filter((r) => r.unit.level === level).length;
  const files = province.reports.reduce((n, r) => n + r.files.length, 0);
  process.stdout.write(`${expected.province.name} (${expected.province.code}), kỳ/periods ${periods.join(', ')}, seed ${seed}\n`);
  process.stdout.write(`  ${province.reports.length} báo cáo/reports (${byLevel('commune')} xã/communes, ${byLevel('district')} huyện/districts, ${byLevel('province')} tỉnh/province), `
    + `${files} tệp/files, ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(generatedMs)} ms → ${outDir}\n`);
  if (expected.skippedUnits.length > 0) process.stdout.write(`  không báo cáo/no reports from: ${expected.skippedUnits.map((u) => `${u.name} (${u.code})`).join(', ')}\n`);
  process.stdout.write(`  ${province.manifest.length} lỗi cài sẵn/injected errors:\n`);
  for (const e of province.manifest) process.stdout.write(`    ${e.id} ${e.family.padEnd(13)} ${e.unit.name} (${e.unit.code}) ${e.period}: ${e.description}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
