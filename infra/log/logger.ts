import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** pino level; default `info` (`LOG_LEVEL` in the environment). */
  level?: string;
  /** Service or component name put on every line. */
  name?: string;
  /** Where JSON lines go; default stderr (fd 2), so a CLI's stdout stays clean for `--json`. */
  destination?: number | NodeJS.WritableStream;
}

/** pino JSON logger. Lines about one report carry `reportId` and `unit` (see `forReport`). */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const dest = opts.destination ?? 2;
  const stream = typeof dest === 'number' ? pino.destination({ fd: dest, sync: true }) : dest;
  return pino({ level: opts.level ?? 'info', name: opts.name ?? 'tonghop', base: { pid: process.pid } }, stream);
}

/** A child logger whose every line names the report and the unit it concerns. */
export function forReport(log: Logger, reportId: string, unit: string): Logger {
  return log.child({ reportId, unit });
}
