import type { EventOf } from '../../schemas/events.ts';
import type { SqlDatabase } from '../../infra/db/sql-database.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import { ensureConsolidationSchema } from './consolidation-schema.ts';
import { recordFacts, recordFailed, recordParsed, recordSubmitted } from './report-store.ts';

/**
 * Consolidator: the one writer of the DuckDB database. Today it records every report's
 * lifecycle and its facts, idempotently; rollups and rules (which raise `dq.flag`)
 * come with the rule engine.
 */
export interface ConsolidatorDeps {
  db: SqlDatabase;
  log: Logger;
}

export interface ConsolidatorService {
  /** Creates or checks the tables; call once before handling events. */
  init(): Promise<void>;
  onSubmitted(event: EventOf<'report.submitted'>): Promise<void>;
  onParsed(event: EventOf<'report.parsed'>): Promise<void>;
  onFailed(event: EventOf<'report.failed'>): Promise<void>;
  onFactsExtracted(event: EventOf<'facts.extracted'>): Promise<void>;
}

export function createConsolidatorService(deps: ConsolidatorDeps): ConsolidatorService {
  const { db } = deps;
  return {
    init: () => ensureConsolidationSchema(db),
    async onSubmitted(event) {
      await recordSubmitted(db, event.data);
      forReport(deps.log, event.data.reportId, event.subject).debug('report recorded as submitted');
    },
    async onParsed(event) {
      await recordParsed(db, event.data, event.subject);
      forReport(deps.log, event.data.reportId, event.subject).debug({ pages: event.data.pages }, 'report recorded as parsed');
    },
    async onFailed(event) {
      await recordFailed(db, event.data, event.subject);
      forReport(deps.log, event.data.reportId, event.subject).info({ code: event.data.code, stage: event.data.stage }, 'report recorded as failed');
    },
    async onFactsExtracted(event) {
      await recordFacts(db, event.data.reportId, event.data.facts);
      forReport(deps.log, event.data.reportId, event.subject).debug({ facts: event.data.facts.length, chunk: event.data.chunk }, 'facts recorded');
    },
  };
}
