import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../pipelines/config.ts';
import { startEmbedded, type EmbeddedPipeline } from '../../pipelines/embedded-runner.ts';
import { listFlags, type StoredFlag } from '../../services/consolidator/flag-queries.ts';
import type { SyntheticProvince } from '../../samples/synthetic/province-generator.ts';
import { capturingLogger } from './silent-logger.ts';

/**
 * A generated province through the embedded pipeline, as uploads without claims (the parser
 * must find each unit and period itself), its reports alternating between their formats.
 */
export interface IngestedProvince {
  pipeline: EmbeddedPipeline;
  flags: StoredFlag[];
  close(): Promise<void>;
}

export async function ingestProvince(province: SyntheticProvince, dirPrefix: string): Promise<IngestedProvince> {
  const dir = await mkdtemp(join(tmpdir(), dirPrefix));
  const pipeline = await startEmbedded(loadConfig({}, { dataDir: dir }), capturingLogger().log);
  for (const [i, report] of province.reports.entries()) {
    const file = report.files[i % report.files.length]!;
    await pipeline.ingest.submit({ bytes: file.bytes, fileName: file.name });
  }
  await pipeline.whenIdle();
  return {
    pipeline,
    flags: await listFlags(pipeline.db),
    close: async () => {
      await pipeline.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Error-level flags no injected error explains (unit, period and family), as readable lines. */
export function strayErrors(province: SyntheticProvince, flags: readonly StoredFlag[]): string[] {
  const injected = (f: StoredFlag['flag']) => province.expected.flags.some((e) => e.family === f.family && e.unit === f.unit && e.period === f.period);
  return flags.map((f) => f.flag).filter((f) => f.severity === 'error' && !injected(f)).map((f) => `${f.unit} ${f.period} ${f.ruleId}: ${f.message.en}`);
}
