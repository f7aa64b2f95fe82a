import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const REPORT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.xlsx', '.jpg', '.jpeg', '.png', '.tif', '.tiff']);

/**
 * Expands the command line's paths: a file is taken as given (its content decides
 * whether it is accepted), a folder contributes its report files (.pdf, .docx, .doc, .xlsx and page images), recursively,
 * sorted. Missing paths are returned separately so each gets its own message.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (info.isDirectory()) files.push(...await walk(path));
    else files.push(path);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await walk(full));
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}
