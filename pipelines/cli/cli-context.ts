import { loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../../infra/log/logger.ts';

/**
 * What every command starts from: validated config and a logger. One-shot commands
 * log only errors unless LOG_LEVEL says otherwise, so people read the summary, not JSON.
 */
export interface CliContext {
  config: Readonly<Config>;
  log: Logger;
}

export function cliContext(opts: { dataDir?: string; defaultLogLevel: string }): CliContext {
  const config = loadConfig(process.env, { dataDir: opts.dataDir });
  const level = process.env.LOG_LEVEL ? config.logLevel : opts.defaultLogLevel;
  return { config, log: createLogger({ level, name: 'tonghop' }) };
}
