import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileContactStore } from '../../../infra/contacts/contact-store.local.ts';
import type { ContactStore } from '../../../infra/contacts/contact-store.ts';
import type { UnitContactsFile } from '../../../schemas/records/unit-contact.ts';
import { waitFor } from '../../support/wait-for.ts';

describe('contact store on a JSON file', () => {
  let dir: string;
  let path: string;
  let store: ContactStore | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-contacts-'));
    path = join(dir, 'contacts.json');
  });
  afterEach(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty without a file, and writes the first change whole, readable only by its owner', async () => {
    store = await openFileContactStore(path, { pollMs: 20 });
    expect(await store.read()).toEqual({ version: 1, units: [] });
    await store.put({ unit: '90002', email: ['b@x.vn'] });
    await store.put({ unit: '90001', email: ['a@x.vn'] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, units: [{ unit: '90001', email: ['a@x.vn'] }, { unit: '90002', email: ['b@x.vn'] }] });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses a change that breaks the file, keeping the file as it was', async () => {
    store = await openFileContactStore(path, { pollMs: 20 });
    await store.put({ unit: '90001', email: ['a@x.vn'] });
    const before = await readFile(path, 'utf8');
    await expect(store.put({ unit: '90001' })).rejects.toMatchObject({ code: 'TH_ERR_CONTACTS_INVALID' });
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('tells its listeners about an edit made by someone else; an invalid edit is reported and the last good contacts stay', async () => {
    // Each edit lands whole (written beside, then renamed), as editors save: a poll that caught a
    // half-written file would report an invalid edit this test does not make.
    const edit = async (text: string) => { await writeFile(`${path}.edit`, text); await rename(`${path}.edit`, path); };
    await writeFile(path, JSON.stringify({ version: 1, units: [{ unit: '90001', email: ['a@x.vn'] }] }));
    const invalid: Error[] = [];
    store = await openFileContactStore(path, { pollMs: 20, onInvalid: (e) => invalid.push(e) });
    const seen: UnitContactsFile[] = [];
    store.onChange((f) => seen.push(f));
    await edit(JSON.stringify({ version: 1, units: [{ unit: '90001', email: ['a@x.vn'] }, { unit: '90003', email: ['c@x.vn'] }] }));
    await waitFor('the edit to reach the listener', () => seen.length === 1, 5_000);
    expect(seen[0]!.units.map((c) => c.unit)).toEqual(['90001', '90003']);
    await edit('{ "version": 1, "units": [ { "unit": "x" } ] }');
    await waitFor('the invalid edit to be reported', () => invalid.length === 1, 5_000);
    expect(invalid[0]).toMatchObject({ code: 'TH_ERR_CONTACTS_INVALID' });
    expect((await store.read()).units.map((c) => c.unit)).toEqual(['90001', '90003']);
  });

  it('stops opening on an invalid file, naming the problem', async () => {
    await writeFile(path, '{ "version": 2, "units": [] }');
    await expect(openFileContactStore(path)).rejects.toMatchObject({ code: 'TH_ERR_CONTACTS_INVALID' });
  });
});
