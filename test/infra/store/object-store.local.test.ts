import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../infra/store/object-key.ts';
import { createLocalObjectStore, LocalObjectStore } from '../../../infra/store/object-store.local.ts';
import { collect, describeObjectStoreContract, expectTonghopError } from './object-store.contract.ts';

/**
 * LocalObjectStore: the shared contract on a temp folder, then what only a folder can
 * get wrong: bytes altered on disk, keys escaping the root, sidecars and temp files
 * showing up in listings, a key clashing with a folder, racing writes to one key.
 */

describeObjectStoreContract('local folder', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'tonghop-store-contract-'));
  return { store: createLocalObjectStore({ root }), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe('LocalObjectStore (local only)', () => {
  let parent: string;
  let root: string;
  let store: LocalObjectStore;
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  beforeEach(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'tonghop-store-local-'));
    root = path.join(parent, 'objects');
    store = new LocalObjectStore({ root });
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('stores bytes at <root>/<key> and metadata in a sidecar under <root>/~meta', async () => {
    const body = text('%PDF-1.4 bytes');
    await store.put('reports/79/2025-Q2/r.pdf', body, { contentType: 'application/pdf' });
    expect(Buffer.from(await readFile(path.join(root, 'reports/79/2025-Q2/r.pdf'))).equals(Buffer.from(body))).toBe(true);
    const sidecar: unknown = JSON.parse(await readFile(path.join(root, '~meta/reports/79/2025-Q2/r.pdf~.json'), 'utf8'));
    expect(sidecar).toEqual({ sha256: sha256Hex(body), contentType: 'application/pdf', size: body.byteLength });
    // The write went through a temp file that is gone now.
    expect(await readdir(path.join(root, 'reports/79/2025-Q2'))).toEqual(['r.pdf']);
    expect(await readdir(path.join(root, '~meta/reports/79/2025-Q2'))).toEqual(['r.pdf~.json']);
  });

  it.each([
    ['a flipped byte', (b: Buffer) => { b[10] = (b[10] ?? 0) ^ 0x01; return b; }],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['an appended byte', (b: Buffer) => Buffer.concat([b, Buffer.from([0])])],
    ['same length, other bytes', (b: Buffer) => Buffer.alloc(b.length, 0x41)],
  ])('get detects %s on disk with TH_ERR_OBJECT_CORRUPT', async (_label, alter) => {
    const key = 'reports/x/y/z.pdf';
    const body = randomBytes(4096);
    await store.put(key, body, { contentType: 'application/pdf' });
    const file = path.join(root, key);
    await writeFile(file, alter(await readFile(file)));
    await expectTonghopError(store.get(key), 'TH_ERR_OBJECT_CORRUPT');
    // Putting the object again repairs it.
    await store.put(key, body, { contentType: 'application/pdf' });
    expect(sha256Hex(await store.get(key))).toBe(sha256Hex(body));
  });

  it('an unreadable sidecar is reported as corrupt by get and head', async () => {
    await store.put('a/b.pdf', text('x'), { contentType: 'application/pdf' });
    await writeFile(path.join(root, '~meta/a/b.pdf~.json'), '{"sha256": "not hex"');
    await expectTonghopError(store.get('a/b.pdf'), 'TH_ERR_OBJECT_CORRUPT');
    await expectTonghopError(store.head('a/b.pdf'), 'TH_ERR_OBJECT_CORRUPT');
    // list stays usable: it shows the object without the metadata it cannot read.
    expect(await collect(store.list('a/'))).toEqual([{ key: 'a/b.pdf', size: 1 }]);
  });

  it('no key reaches outside root', async () => {
    const secret = path.join(parent, 'secret.txt');
    await writeFile(secret, 'do not touch');
    await store.put('inside.txt', text('in'), { contentType: 'text/plain' });
    for (const key of ['../secret.txt', '../../etc/passwd', secret, 'a/../../secret.txt', '..', '~meta/../../secret.txt']) {
      await expectTonghopError(store.get(key), 'TH_ERR_INVALID_OBJECT_KEY');
      await expectTonghopError(store.head(key), 'TH_ERR_INVALID_OBJECT_KEY');
      await expectTonghopError(store.delete(key), 'TH_ERR_INVALID_OBJECT_KEY');
      await expectTonghopError(store.put(key, text('evil'), { contentType: 'text/plain' }), 'TH_ERR_INVALID_OBJECT_KEY');
    }
    await expectTonghopError(store.put('../evil.txt', text('evil'), { contentType: 'text/plain' }), 'TH_ERR_INVALID_OBJECT_KEY');
    expect(await readFile(secret, 'utf8')).toBe('do not touch');
    expect((await readdir(parent)).sort()).toEqual(['objects', 'secret.txt']);
    expect(await collect(store.list('../'))).toEqual([]);
    expect(await collect(store.list('..'))).toEqual([]);
    expect((await collect(store.list(''))).map((o) => o.key)).toEqual(['inside.txt']);
  });

  it('sidecars, temp files and names outside the key alphabet are never listed', async () => {
    await store.put('p/a.pdf', text('a'), { contentType: 'application/pdf' });
    await store.put('p/q/b.pdf', text('bb'), { contentType: 'application/pdf' });
    // Leftovers of a crash, and files dropped in by hand with names no key can have.
    await writeFile(path.join(root, 'p', '~tmp-0123'), 'half written');
    await writeFile(path.join(root, 'p', 'bad name.pdf'), 'x');
    await mkdir(path.join(root, 'p', 'dir with space'));
    await writeFile(path.join(root, 'p', 'dir with space', 'c.pdf'), 'x');
    const listed = await collect(store.list(''));
    expect(listed.map((o) => o.key)).toEqual(['p/a.pdf', 'p/q/b.pdf']);
    // The local store reads the sidecar while listing, so sha256 and content type come along.
    expect(listed[0]).toEqual({ key: 'p/a.pdf', size: 1, sha256: sha256Hex(text('a')), contentType: 'application/pdf' });
    expect(await collect(store.list('~'))).toEqual([]);
  });

  it('a file copied in by hand (no sidecar) is listed and readable, unverified', async () => {
    await mkdir(path.join(root, 'manual'), { recursive: true });
    await writeFile(path.join(root, 'manual', 'old.pdf'), 'legacy');
    expect(await store.head('manual/old.pdf')).toEqual({ key: 'manual/old.pdf', size: 6 });
    expect(Buffer.from(await store.get('manual/old.pdf')).toString()).toBe('legacy');
    expect(await collect(store.list('manual/'))).toEqual([{ key: 'manual/old.pdf', size: 6 }]);
  });

  it('a key cannot be both an object and the folder of another key', async () => {
    await store.put('a', text('file'), { contentType: 'text/plain' });
    await expectTonghopError(store.put('a/b', text('x'), { contentType: 'text/plain' }), 'TH_ERR_INVALID_OBJECT_KEY');
    await store.put('c/d', text('x'), { contentType: 'text/plain' });
    await expectTonghopError(store.put('c', text('x'), { contentType: 'text/plain' }), 'TH_ERR_INVALID_OBJECT_KEY');
    // Nothing was damaged, and the folder "c" is not an object.
    expect(Buffer.from(await store.get('a')).toString()).toBe('file');
    expect(await store.head('c')).toBeUndefined();
    await expectTonghopError(store.get('c'), 'TH_ERR_OBJECT_NOT_FOUND');
    await store.delete('c');
    expect((await collect(store.list(''))).map((o) => o.key)).toEqual(['a', 'c/d']);
  });

  it('racing puts of different bytes to one key never leave a torn or mismatched object', async () => {
    const key = 'race/same.bin';
    const bodies = Array.from({ length: 12 }, () => randomBytes(64 * 1024));
    const reads: Promise<Uint8Array>[] = [];
    const writes = bodies.map(async (body, i) => {
      await store.put(key, body, { contentType: 'application/octet-stream' });
      if (i % 3 === 0) reads.push(store.get(key));
    });
    await Promise.all(writes);
    const shas = new Set(bodies.map((b) => sha256Hex(b)));
    for (const got of await Promise.all(reads)) expect(shas.has(sha256Hex(got))).toBe(true);
    const final = await store.get(key);
    expect(shas.has(sha256Hex(final))).toBe(true);
    expect((await store.head(key))?.sha256).toBe(sha256Hex(final));
    expect(await readdir(path.join(root, 'race'))).toEqual(['same.bin']);
  });

  it('a root that does not exist yet reads as empty and is created on the first put', async () => {
    expect(existsSync(root)).toBe(false);
    expect(await collect(store.list(''))).toEqual([]);
    expect(await store.head('x.pdf')).toBeUndefined();
    await expectTonghopError(store.get('x.pdf'), 'TH_ERR_OBJECT_NOT_FOUND');
    await store.delete('x.pdf');
    await store.put('x.pdf', text('x'), { contentType: 'application/pdf' });
    expect(existsSync(path.join(root, 'x.pdf'))).toBe(true);
  });

  it('a segment too long for the file system is refused as an invalid key', async () => {
    await expectTonghopError(store.put(`long/${'n'.repeat(300)}.pdf`, text('x'), { contentType: 'application/pdf' }), 'TH_ERR_INVALID_OBJECT_KEY');
  });

  it('an empty root is a configuration error', () => {
    expect(() => new LocalObjectStore({ root: '' })).toThrow(expect.objectContaining({ code: 'TH_ERR_CONFIG' }) as Error);
  });
});
