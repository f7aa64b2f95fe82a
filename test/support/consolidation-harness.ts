import { createHash } from 'node:crypto';
import { createEvent, type EventOf, type EventType } from '../../schemas/events.ts';
import type { Fact, FactKind, FactScope } from '../../schemas/fact/v1.ts';
import type { DqFlag } from '../../schemas/dq-flag/v1.ts';
import type { FileRole } from '../../schemas/fact/v1.ts';
import { INDICATOR_CATALOG } from '../../schemas/indicators/catalog.ts';
import type { AdminUnit } from '../../schemas/registry/admin-unit.ts';
import { openDuckDb } from '../../infra/db/sql-database.duckdb.ts';
import type { SqlDatabase } from '../../infra/db/sql-database.ts';
import { createConsolidatorService, type ConsolidatorService } from '../../services/consolidator/consolidator-service.ts';
import type { CompletenessOptions } from '../../services/consolidator/rules/completeness.ts';
import { UnitRegistry } from '../../services/registry/unit-registry.ts';
import { capturingLogger } from './silent-logger.ts';

/**
 * A consolidator on an in-memory DuckDB with a small register of its own, and a way to send it
 * a whole report as the parser would (report.submitted, facts.extracted, report.parsed).
 *
 *   Tỉnh Thử (90) ─ Huyện Một (901) ─ communes 90001 … 90004
 *                 └ Huyện Hai (902) ─ communes 90201 … 90212
 */
export function testRegistry(): UnitRegistry {
  const from = '2008-08-01';
  const units: AdminUnit[] = [
    { code: '90', name: 'Tỉnh Thử', level: 'province', type: 'tỉnh', validFrom: from },
    { code: '901', name: 'Huyện Một', level: 'district', type: 'huyện', parent: '90', validFrom: from },
    { code: '902', name: 'Huyện Hai', level: 'district', type: 'huyện', parent: '90', validFrom: from },
  ];
  for (let i = 1; i <= 4; i++) units.push({ code: `9000${i}`, name: `Xã Một ${i}`, level: 'commune', type: 'xã', parent: '901', validFrom: from });
  for (let i = 1; i <= 12; i++) units.push({ code: `902${String(i).padStart(2, '0')}`, name: `Xã Hai ${i}`, level: 'commune', type: 'xã', parent: '902', validFrom: from });
  return new UnitRegistry(units);
}

export interface FactSpec {
  indicator: string;
  /** For counts and money. */
  value?: number;
  /** For percentages. */
  rate?: number;
  kind?: FactKind;
  /** A table cell rather than text. */
  table?: boolean;
  quote?: string;
  page?: number;
  /** The period the figure is for, when not the report's own (a five-year report's per-year row). */
  period?: string;
  /** Whose figure, as the parser read it; none is `unstated` (a commune's figures are its own whatever the words). */
  scope?: FactScope;
}

/** `cấp xã trên địa bàn huyện`: a district's (or province's) statement of its communes' figures. */
export const COMMUNES_IN_AREA: FactScope = { reach: 'levels', levels: ['commune'], from: 'sentence', cue: 'cấp xã trên địa bàn' };
/** `cấp huyện trên địa bàn tỉnh`: a province's statement of its districts' own figures. */
export const DISTRICTS_IN_AREA: FactScope = { reach: 'levels', levels: ['district'], from: 'sentence', cue: 'cấp huyện trên địa bàn' };
/** `toàn huyện`: every level in the unit's area. */
export const WHOLE_AREA: FactScope = { reach: 'area', from: 'sentence', cue: 'toàn huyện' };
/** `tại Bộ phận Một cửa UBND huyện`: the unit's own office. */
export const OWN_OFFICE: FactScope = { reach: 'own', from: 'sentence', cue: 'Bộ phận Một cửa' };

export interface ReportSpec {
  unit: string;
  period: string;
  facts: FactSpec[];
  /** Distinguishes two submissions of one unit and period; also the submission time order. */
  version?: number;
  submittedAt?: string;
}

export interface Harness {
  db: SqlDatabase;
  consolidator: ConsolidatorService;
  published: DqFlag[];
  /** Sends the report's three events; returns its id. */
  send(report: ReportSpec): Promise<string>;
  events(report: ReportSpec): EventOf<'report.submitted' | 'facts.extracted' | 'report.parsed'>[];
  raised(): Promise<{ family: string; ruleId: string; severity: string; unit: string; period: string }[]>;
  close(): Promise<void>;
}

export function reportIdOf(r: ReportSpec): string {
  return createHash('sha256').update(`${r.unit}|${r.period}|${r.version ?? 1}`).digest('hex');
}

/** `registry`: a register of the test's own (default testRegistry()). */
export async function consolidationHarness(opts: { completeness?: CompletenessOptions; registry?: UnitRegistry } = {}): Promise<Harness> {
  const db = await openDuckDb({ path: ':memory:', threads: 2 });
  const published: DqFlag[] = [];
  const bus = {
    publish(e: EventOf<EventType>): Promise<void> {
      if (e.type === 'dq.flag') published.push(e.data);
      return Promise.resolve();
    },
  };
  const consolidator = createConsolidatorService({
    db, log: capturingLogger().log, bus, registry: opts.registry ?? testRegistry(), catalog: INDICATOR_CATALOG, completeness: opts.completeness,
  });
  await consolidator.init();

  /** The role the parser reads for a file count of this indicator (catalog `fileRoles`). */
  const ROLE_OF = new Map(Object.entries(INDICATOR_CATALOG.fileRoles?.indicators ?? {}).reverse().map(([role, code]) => [code, role as FileRole]));

  function events(r: ReportSpec): EventOf<'report.submitted' | 'facts.extracted' | 'report.parsed'>[] {
    const id = reportIdOf(r);
    const facts: Fact[] = r.facts.map((f, i) => {
      const quote = f.quote ?? `${f.indicator} ${f.value ?? f.rate}`;
      const start = i * 100;
      const percent = f.rate !== undefined;
      return {
        id: `${id.slice(0, 12)}:${i}`, reportId: id, kind: f.kind ?? (f.table ? 'table-cell' : percent ? 'rate' : 'count'), label: f.indicator,
        indicator: f.indicator, unit: percent ? '%' : 'hồ sơ', ...(!percent && ROLE_OF.has(f.indicator) ? { role: ROLE_OF.get(f.indicator) } : {}),
        ...(percent ? (f.table ? { value: f.rate } : { rate: f.rate }) : { value: f.value }),
        ...(f.period ? { period: f.period } : {}),
        ...(f.scope ? { scope: f.scope } : {}),
        evidence: { reportId: id, page: f.page ?? 1, start, end: start + quote.length, quote },
      };
    });
    const submittedAt = r.submittedAt ?? new Date(Date.UTC(2026, 0, 1) + (r.version ?? 1) * 60_000).toISOString();
    return [
      createEvent({ type: 'report.submitted', source: 'test', subject: r.unit, data: {
        reportId: id, objectKey: `reports/${r.unit}/${r.period}/${id}.pdf`, fileName: `${r.unit}-${r.period}.pdf`, mediaType: 'application/pdf',
        bytes: 1000, submittedBy: 'test', submittedAt, claimed: { unit: r.unit, period: r.period } } }),
      createEvent({ type: 'facts.extracted', source: 'test', subject: r.unit, data: { reportId: id, chunk: { index: 0, count: 1 }, facts } }),
      createEvent({ type: 'report.parsed', source: 'test', subject: r.unit, data: {
        reportId: id, objectKey: `reports/${r.unit}/${r.period}/${id}.pdf`, textKey: `parsed/${id}/document.json`, pages: 1, characters: 100,
        detected: {}, factCount: facts.length, warnings: [] } }),
    ];
  }

  async function deliver(e: EventOf<'report.submitted' | 'facts.extracted' | 'report.parsed'>): Promise<void> {
    if (e.type === 'report.submitted') await consolidator.onSubmitted(e);
    else if (e.type === 'facts.extracted') await consolidator.onFactsExtracted(e);
    else await consolidator.onParsed(e);
  }

  return {
    db, consolidator, published, events,
    async send(r) {
      for (const e of events(r)) await deliver(e);
      return reportIdOf(r);
    },
    raised: () => db.all(`SELECT family, rule_id AS "ruleId", severity, unit, period FROM flags WHERE status = 'raised' ORDER BY unit, period, rule_id`),
    close: () => db.close(),
  };
}
