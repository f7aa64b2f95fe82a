import type { EventOf } from '../../schemas/events.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';

/**
 * Notifier: tells reporting units about their reports. For now it writes each alert as
 * a structured log line (Vietnamese message first); delivery channels (webhook,
 * e-mail, digest) come later behind the same handlers.
 */
export interface NotifierDeps {
  log: Logger;
}

export interface NotifierService {
  onFlag(event: EventOf<'dq.flag'>): Promise<void>;
  onReportFailed(event: EventOf<'report.failed'>): Promise<void>;
}

export function createNotifierService(deps: NotifierDeps): NotifierService {
  return {
    onFlag(event) {
      const { flag, status } = event.data;
      const reportId = flag.evidence[0]?.reportId ?? 'unknown';
      forReport(deps.log, reportId, flag.unit).warn(
        { alert: 'dq.flag', status, flagId: flag.id, ruleId: flag.ruleId, severity: flag.severity, period: flag.period, en: flag.message.en },
        flag.message.vi,
      );
      return Promise.resolve();
    },
    onReportFailed(event) {
      const { reportId, code, reason, stage, fileName } = event.data;
      forReport(deps.log, reportId, event.subject).warn({ alert: 'report.failed', code, stage, fileName, en: reason.en }, reason.vi);
      return Promise.resolve();
    },
  };
}
