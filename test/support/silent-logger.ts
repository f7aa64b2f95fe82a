import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../infra/log/logger.ts';

/** A real pino logger whose lines are kept (parsed) instead of printed, like pino's test `sink()`. */
export function capturingLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination: sink }), lines };
}
