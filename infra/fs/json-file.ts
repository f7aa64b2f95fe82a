import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes `value` as pretty JSON to `path`, whole or not at all: to a temporary file beside it
 * (same file system), synced, then renamed over the old file, so a crash never leaves half a
 * file. `mode` 0600 by default: the files written this way hold token hashes and webhook secrets.
 */
export async function writeJsonFile(path: string, value: unknown, mode = 0o600): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
