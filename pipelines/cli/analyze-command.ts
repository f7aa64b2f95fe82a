import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { tonghopError } from '../../infra/errors/error-catalog.ts';
import { isTonghopError } from '../../infra/errors/tonghop-error.ts';
import { checkUpload } from '../../services/ingest/upload-check.ts';
import { readDocument } from '../../services/parser/document-reader.ts';
import { analyzeDocument } from '../../services/parser/document-analysis.ts';
import { sha256Hex } from '../../infra/store/object-key.ts';
import type { Fact } from '../../schemas/fact/v1.ts';
import type { Flag } from '../../schemas/flag/v1.ts';
import { Period } from '../../schemas/identifiers.ts';
import { checkDocument } from '../../services/consolidator/rules/document-rules.ts';
import { resolveReportUnit } from '../../services/parser/report-unit.ts';
import { loadUnitRegistry } from '../../services/registry/unit-registry.ts';
import { cliContext } from './cli-context.ts';

/**
 * `tonghop analyze <files…> [--json]`: reads documents without storing anything and
 * prints what was found. With --json stdout carries exactly one JSON object:
 *   { "reports": [ { source, unit, period, pages, facts: [], flags: [] } ], "errors": [ { source, code, message } ] }
 * `flags` holds what the single-document rule families find (rate, sum, bounds,
 * granularity, indicator rules; services/consolidator/rules/). `unit.code` is the GSO code
 * the detected name matches in the unit register for the report's period; flags carry it
 * (`unknown` when the name is missing, unknown or ambiguous). Exit code 0 when every file
 * was read.
 */
export interface AnalyzedReport {
  source: string;
  reportId: string;
  unit: { name: string; level: string; code?: string } | null;
  period: { value: string; label: string } | null;
  pages: number;
  engine: string;
  facts: Fact[];
  flags: Flag[];
  warnings: { vi: string; en: string }[];
}

export interface AnalyzeError {
  source: string;
  code: string;
  message: { vi: string; en: string };
}

export async function analyzeCommand(files: string[], opts: { json?: boolean }): Promise<number> {
  const { config } = cliContext({ defaultLogLevel: 'error' });
  const reports: AnalyzedReport[] = [];
  const errors: AnalyzeError[] = [];
  for (const source of files) {
    try {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(source));
      } catch (err) {
        throw tonghopError('TH_ERR_FILE_NOT_FOUND', [source], err);
      }
      const accepted = checkUpload(bytes, basename(source), config.maxUploadBytes);
      const doc = await readDocument(bytes, accepted.mediaType, basename(source));
      const reportId = sha256Hex(bytes);
      const { facts, metadata: meta } = analyzeDocument(reportId, doc);
      const period = Period.safeParse(meta.period?.value);
      const resolved = resolveReportUnit(loadUnitRegistry(), meta);
      const flags = checkDocument({ unit: resolved.code ?? 'unknown', period: period.success ? period.data : 'unknown', facts });
      reports.push({
        source, reportId,
        unit: meta.unit ? { name: meta.unit.name, level: meta.unit.level, ...(resolved.code ? { code: resolved.code } : {}) } : null,
        period: meta.period ? { value: meta.period.value, label: meta.period.label } : null,
        pages: doc.pages.length, engine: doc.engine, facts, flags,
        warnings: [...doc.warnings, ...meta.warnings.map(({ vi, en }) => ({ vi, en })), ...(resolved.warning ? [{ vi: resolved.warning.vi, en: resolved.warning.en }] : [])],
      });
    } catch (err) {
      if (!isTonghopError(err)) throw err;
      errors.push({ source, code: err.code, message: err.reason });
      process.stderr.write(`✗ ${source}: ${err.code} — ${err.reason.vi} / ${err.reason.en}\n`);
    }
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ reports, errors })}\n`);
  } else {
    for (const r of reports) {
      const unit = r.unit ? `${r.unit.name} (${r.unit.level}${r.unit.code ? `, mã/code ${r.unit.code}` : ''})` : 'đơn vị chưa rõ / unit unknown';
      process.stdout.write(`✓ ${r.source}: ${unit}, kỳ/period ${r.period?.value ?? '?'}, ${r.pages} trang/pages (${r.engine}), `
        + `${r.facts.length} số liệu/facts, ${r.flags.length} cảnh báo/flags\n`);
      for (const f of r.flags) {
        const mark = { error: '✗ lỗi/error', warning: '! cảnh báo/warning', info: 'i thông tin/info' }[f.severity];
        process.stdout.write(`    ${mark} · trang/page ${f.evidence[0]?.page ?? '?'} · ${f.message.vi}\n`);
        if (f.suggestion) process.stdout.write(`      → ${f.suggestion.vi}\n`);
      }
    }
  }
  return errors.length > 0 ? 1 : 0;
}
