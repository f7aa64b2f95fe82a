import type { EventOf } from '../../schemas/events.ts';
import type { Fact } from '../../schemas/fact/v1.ts';
import type { IndicatorCatalog } from '../../schemas/indicators/catalog.ts';
import type { SqlDatabase } from '../../infra/db/sql-database.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import type { UnitRegistry } from '../registry/unit-registry.ts';
import { ensureConsolidationSchema } from './consolidation-schema.ts';
import { consolidateReport, rebuildAll, type RebuildResult } from './consolidation.ts';
import { drainFlagOutbox } from './flag-outbox.ts';
import { loadReferenceTables } from './reference-tables.ts';
import { recordFacts, recordFailed, recordParsed, recordSubmitted } from './report-store.ts';
import type { CompletenessOptions } from './rules/completeness.ts';
import { VIEW_DDL } from './rollup-sql.ts';

/**
 * Consolidator: the one writer of the DuckDB database. It records every report's lifecycle
 * and facts idempotently; once a report is parsed and all its facts are stored (the events
 * may arrive in any order) it consolidates it (consolidation.ts) and publishes a `dq.flag`
 * event for every flag raised or resolved.
 *
 * Delivery: flag changes and their events are committed together (the outbox,
 * flag-outbox.ts), then published and removed from the outbox. A crash in between loses
 * nothing: `init()` publishes what is left. At least once: consumers deduplicate.
 */
export interface ConsolidatorDeps {
  db: SqlDatabase;
  log: Logger;
  /** Where `dq.flag` events go. */
  bus: Pick<EventBus, 'publish'>;
  registry: UnitRegistry;
  catalog: Readonly<IndicatorCatalog>;
  completeness?: CompletenessOptions;
}

export interface ConsolidatorService {
  /** Creates or checks the tables and views and loads the reference data; call once before handling events. */
  init(): Promise<void>;
  onSubmitted(event: EventOf<'report.submitted'>): Promise<void>;
  onParsed(event: EventOf<'report.parsed'>): Promise<void>;
  onFailed(event: EventOf<'report.failed'>): Promise<void>;
  onFactsExtracted(event: EventOf<'facts.extracted'>): Promise<void>;
  /** Re-evaluates every cross-report rule over the whole database; publishes the changes. */
  rebuild(onStep?: (family: string, ms: number) => void): Promise<RebuildResult>;
}

/** Reports whose facts are held in memory between their arrival and the report's consolidation. */
const HELD_REPORTS = 64;

export function createConsolidatorService(deps: ConsolidatorDeps): ConsolidatorService {
  const { db } = deps;
  const ctx = { db, registry: deps.registry, catalog: deps.catalog, completeness: deps.completeness };
  // The facts this process stored, per report not consolidated yet: consolidation then need
  // not read them back (a scan of the facts table by report id, ≈ 40 ms at national scale).
  // Only a hint: consolidation uses them only when they are all the report's stored facts.
  const held = new Map<string, Map<string, Fact>>();

  function hold(reportId: string, facts: readonly Fact[]): void {
    const mine = held.get(reportId) ?? new Map<string, Fact>();
    held.delete(reportId);
    held.set(reportId, mine);
    for (const f of facts) mine.set(f.id, f);
    while (held.size > HELD_REPORTS) held.delete(held.keys().next().value!);
  }

  // One drain of the outbox at a time, so that no event is published twice by two drains.
  let draining: Promise<unknown> = Promise.resolve();
  function publish(): Promise<number> {
    const next = draining.then(() => drainFlagOutbox(db, (e) => deps.bus.publish(e)));
    draining = next.catch(() => undefined);
    return next;
  }

  async function consolidate(reportId: string, unit: string): Promise<void> {
    const facts = held.get(reportId);
    const result = await consolidateReport(ctx, reportId, facts ? [...facts.values()] : undefined);
    if (!result) return;
    held.delete(reportId);
    const log = forReport(deps.log, reportId, result.unit === 'unknown' ? unit : result.unit);
    const raised = result.changes.filter((c) => c.status === 'raised').length;
    log.info({ period: result.period, observations: result.observations, raised, resolved: result.changes.length - raised }, 'report consolidated');
    await publish();
  }

  return {
    async init() {
      await ensureConsolidationSchema(db);
      for (const statement of VIEW_DDL) await db.run(statement);
      await loadReferenceTables(db, deps.registry, deps.catalog);
      // Events a previous run committed but did not get to publish.
      const left = await publish();
      if (left > 0) deps.log.info({ events: left }, 'published dq.flag events left in the outbox by a previous run');
    },
    async onSubmitted(event) {
      await recordSubmitted(db, event.data);
      forReport(deps.log, event.data.reportId, event.subject).debug('report recorded as submitted');
    },
    async onParsed(event) {
      await recordParsed(db, event.data, event.subject);
      forReport(deps.log, event.data.reportId, event.subject).debug({ pages: event.data.pages }, 'report recorded as parsed');
      await consolidate(event.data.reportId, event.subject);
    },
    async onFailed(event) {
      await recordFailed(db, event.data, event.subject);
      forReport(deps.log, event.data.reportId, event.subject).info({ code: event.data.code, stage: event.data.stage }, 'report recorded as failed');
    },
    async onFactsExtracted(event) {
      await recordFacts(db, event.data.reportId, event.data.facts);
      hold(event.data.reportId, event.data.facts);
      forReport(deps.log, event.data.reportId, event.subject).debug({ facts: event.data.facts.length, chunk: event.data.chunk }, 'facts recorded');
      await consolidate(event.data.reportId, event.subject);
    },
    async rebuild(onStep) {
      const result = await rebuildAll(ctx, onStep);
      await publish();
      return result;
    },
  };
}
