import { startWorker, WORKER_NAMES, type WorkerName } from '../worker.ts';
import { cliContext } from './cli-context.ts';
import { untilSignal } from './until-signal.ts';

/** `tonghop worker ingest|parser|consolidator|notifier`: one service over Kafka (config from the environment). */
export async function workerCommand(name: string): Promise<number> {
  if (!(WORKER_NAMES as readonly string[]).includes(name)) {
    process.stderr.write(`Không có worker "${name}" / unknown worker "${name}"; chọn / choose: ${WORKER_NAMES.join(', ')}\n`);
    return 2;
  }
  const { config, log } = cliContext({ defaultLogLevel: 'info' });
  const worker = await startWorker(name as WorkerName, config, log);
  const signal = await untilSignal();
  log.info({ signal }, 'stopping');
  await worker.stop();
  return 0;
}
