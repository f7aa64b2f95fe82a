import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeJsonFile } from '../fs/atomic-file.ts';
import type { UnitContactsFile } from '../../schemas/records/unit-contact.ts';
import { tonghopError } from '../errors/error-catalog.ts';
import { EMPTY_CONTACTS, parseContacts, validContacts, withContact, type ContactStore } from './contact-store.ts';

/**
 * ContactStore on the JSON file TONGHOP_CONTACTS_FILE. Read and validated when opened: a bad
 * file stops the start with TH_ERR_CONTACTS_INVALID listing every problem; a file that does
 * not exist yet is an empty list (the first change through the API creates it). Changes are
 * validated whole and written to a temporary file renamed over the old one (never half a file;
 * mode 0600: webhook secrets may be in it). The file is also watched (a stat every
 * `pollMs`, default 2 s), so an edit by hand or by another process — the API in one process,
 * `worker notifier` in another — reaches the listeners; an invalid edit is reported through
 * `onInvalid` and the last good contacts stay in force.
 */
export interface FileContactStoreOptions {
  pollMs?: number;
  onInvalid?: (err: Error) => void;
}

export async function openFileContactStore(path: string, opts: FileContactStoreOptions = {}): Promise<ContactStore> {
  let file = await load(path);
  const listeners: ((f: UnitContactsFile) => void)[] = [];
  let writing: Promise<void> = Promise.resolve();
  const publish = () => { for (const l of listeners) l(file); };

  const save = async (next: UnitContactsFile): Promise<void> => {
    const valid = validContacts(next, path);
    const run = writing.then(async () => {
      await writeJsonFile(path, valid);
      file = valid;
      publish();
    });
    writing = run.catch(() => undefined);
    await run;
  };

  const onStat = (now: Stats, before: Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    void writing.then(async () => {
      try {
        const next = await load(path);
        if (JSON.stringify(next) === JSON.stringify(file)) return;
        file = next;
        publish();
      } catch (err) {
        opts.onInvalid?.(err as Error);
      }
    });
  };
  watchFile(path, { interval: opts.pollMs ?? 2000, persistent: false }, onStat);

  return {
    read: () => Promise.resolve(file),
    put: (contact) => save(withContact(file, contact)),
    async remove(unit) {
      if (!file.units.some((c) => c.unit === unit)) return false;
      await save({ ...file, units: file.units.filter((c) => c.unit !== unit) });
      return true;
    },
    onChange(listener) { listeners.push(listener); },
    async close() {
      unwatchFile(path, onStat);
      await writing;
    },
  };
}

async function load(path: string): Promise<UnitContactsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CONTACTS;
    throw tonghopError('TH_ERR_CONTACTS_INVALID', [path, `  ${(err as Error).message}`], err);
  }
  return parseContacts(text, path);
}
