import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Period, UnitCode } from '../../schemas/identifiers.ts';
import type { Logger } from '../../infra/log/logger.ts';
import type { IngestService } from './ingest-service.ts';
import type { IngestResult } from './submission.ts';

/**
 * Bulk intake from a watched folder. Files dropped in `<inbox>/` (or in
 * `<inbox>/<unit>/<period>/`, which become the claims) are submitted once their size
 * has stopped changing between two scans (so half-copied files are left alone), then
 * moved to `<inbox>/.done/` or, with a `<name>.reason.txt` beside them, to
 * `<inbox>/.rejected/`. Nothing is deleted.
 */
export interface DropFolderOptions {
  inbox: string;
  ingest: IngestService;
  log: Logger;
  /** Scan interval, ms. */
  pollMs: number;
  onResult?: (path: string, result: IngestResult) => void;
}

export interface DropFolderIntake {
  /** One scan: submits every stable file; returns how many it took. */
  scan(): Promise<number>;
  stop(): Promise<void>;
}

export async function startDropFolderIntake(opts: DropFolderOptions): Promise<DropFolderIntake> {
  await mkdir(join(opts.inbox, '.done'), { recursive: true });
  await mkdir(join(opts.inbox, '.rejected'), { recursive: true });
  const lastSize = new Map<string, number>();
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  async function walk(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...await walk(full));
      else if (entry.isFile()) out.push(full);
    }
    return out;
  }

  function claimsFor(path: string): { unit?: string; period?: string } {
    const parts = relative(opts.inbox, path).split(sep);
    if (parts.length === 3 && UnitCode.safeParse(parts[0]).success && Period.safeParse(parts[1]).success) {
      return { unit: parts[0], period: parts[1] };
    }
    return {};
  }

  async function move(path: string, folder: '.done' | '.rejected', reason?: string): Promise<void> {
    const target = join(opts.inbox, folder, `${Date.now()}-${relative(opts.inbox, path).split(sep).join('_')}`);
    await rename(path, target);
    if (reason) await writeFile(`${target}.reason.txt`, `${reason}\n`);
  }

  async function scanOnce(): Promise<number> {
    let taken = 0;
    for (const path of await walk(opts.inbox)) {
      const size = (await stat(path)).size;
      if (lastSize.get(path) !== size) { lastSize.set(path, size); continue; }
      lastSize.delete(path);
      try {
        const result = await opts.ingest.submitFile(path, { ...claimsFor(path), submittedBy: 'drop-folder' });
        opts.onResult?.(path, result);
        if (result.status === 'rejected') await move(path, '.rejected', `${result.code}\n${result.reason.vi}\n${result.reason.en}`);
        else await move(path, '.done');
        taken++;
      } catch (err) {
        // A fault that may pass (store or bus down): leave the file for the next scan.
        opts.log.error({ err, path }, 'drop-folder intake failed; will retry on the next scan');
      }
    }
    return taken;
  }

  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(scanOnce, scanOnce);
  }, opts.pollMs);

  return {
    scan: () => (running = running.then(scanOnce, scanOnce)),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => 0);
    },
  };
}
