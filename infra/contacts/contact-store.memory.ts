import type { UnitContactsFile } from '../../schemas/records/unit-contact.ts';
import { EMPTY_CONTACTS, validContacts, withContact, type ContactStore } from './contact-store.ts';

/** ContactStore in memory: the local default without TONGHOP_CONTACTS_FILE (contacts last until the process stops). */
export function createMemoryContactStore(initial: UnitContactsFile = EMPTY_CONTACTS): ContactStore {
  let file = validContacts(initial, 'contacts');
  const listeners: ((f: UnitContactsFile) => void)[] = [];
  const changed = (next: UnitContactsFile) => {
    file = validContacts(next, 'contacts');
    for (const l of listeners) l(file);
  };
  return {
    read: () => Promise.resolve(file),
    put(contact) {
      // A change that breaks the file is a rejected promise, as with the file adapter.
      return Promise.resolve().then(() => changed(withContact(file, contact)));
    },
    remove(unit) {
      if (!file.units.some((c) => c.unit === unit)) return Promise.resolve(false);
      changed({ ...file, units: file.units.filter((c) => c.unit !== unit) });
      return Promise.resolve(true);
    },
    onChange(listener) { listeners.push(listener); },
    close: () => Promise.resolve(),
  };
}
