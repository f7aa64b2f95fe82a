import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes `data` to `target` whole or not at all: to `temp` (beside the target, so on the same
 * file system), synced, then renamed over the target, so a crash never leaves half a file.
 * `mode` applies to the new file (default 0600).
 */
export async function writeFileAtomically(target: string, data: Uint8Array | string, temp: string, mode = 0o600): Promise<void> {
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** `value` as pretty JSON in `path`, atomically; mode 0600: such files hold token hashes and webhook secrets. */
export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileAtomically(path, `${JSON.stringify(value, null, 2)}\n`, `${path}.${randomUUID()}.tmp`);
}
