import { UnitContactsFileV1, type UnitContact, type UnitContactsFile } from '../../schemas/records/unit-contact.ts';
import { tonghopError } from '../errors/error-catalog.ts';

/**
 * ContactStore: the contacts of reporting units for alerts (schemas/records/unit-contact.ts),
 * shared by the notifier (which reads them) and the API (where admins change them).
 *
 * In it: the whole contacts file as it is now; put (add or replace one unit's contact) and
 * remove, each validating the whole file before anything is kept; a listener told after every
 * change — the API's, or one made to the file by someone else (the file adapter watches it).
 *
 * Deliberately left out: resolving `secretEnv` and checking channels against the notifier's
 * configuration (the notifier's ContactDirectory does that when it loads a file), history.
 */
export interface ContactStore {
  read(): Promise<UnitContactsFile>;
  /** Adds or replaces the contact of `contact.unit`. */
  put(contact: UnitContact): Promise<void>;
  /** Whether the unit had a contact. */
  remove(unit: string): Promise<boolean>;
  /** `listener` is called with the new file after every change, whoever made it. */
  onChange(listener: (file: UnitContactsFile) => void): void;
  close(): Promise<void>;
}

export const EMPTY_CONTACTS: UnitContactsFile = Object.freeze({ version: 1 as const, units: [] });

/** The file with `contact` in place of the unit's old one (or added), in unit order. */
export function withContact(file: UnitContactsFile, contact: UnitContact): UnitContactsFile {
  const units = [...file.units.filter((c) => c.unit !== contact.unit), contact].sort((a, b) => a.unit.localeCompare(b.unit));
  return { ...file, units };
}

/** A contacts file's text, parsed and validated: TH_ERR_CONTACTS_INVALID naming `source` and every problem. */
export function parseContacts(text: string, source: string): UnitContactsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw tonghopError('TH_ERR_CONTACTS_INVALID', [source, `  JSON: ${(err as Error).message}`], err);
  }
  return validContacts(json, source);
}

/** `json` as a contacts file, or TH_ERR_CONTACTS_INVALID naming `source` and every problem. */
export function validContacts(json: unknown, source: string): UnitContactsFile {
  const parsed = UnitContactsFileV1.safeParse(json);
  if (!parsed.success) {
    throw tonghopError('TH_ERR_CONTACTS_INVALID', [source, parsed.error.issues.map((i) => `  ${i.path.join('.') || '(tệp / file)'}: ${i.message}`).join('\n')]);
  }
  return parsed.data;
}
