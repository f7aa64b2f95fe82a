import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import { writeFileAtomically } from '../fs/atomic-file.ts';
import path from 'node:path';
import { z } from 'zod';
import { tonghopError } from '../errors/error-catalog.ts';
import type { TonghopError } from '../errors/tonghop-error.ts';
import { KeyLock } from './key-lock.ts';
import { assertValidKey, isPossibleKeyPrefix, isValidKey, sha256Hex } from './object-key.ts';
import type { ObjectInfo, ObjectStore } from './object-store.ts';

/**
 * LocalObjectStore: the ObjectStore in a folder of one machine (the embedded default).
 *
 * Layout under `root`:
 *   <root>/<key>                 the bytes, exactly as put
 *   <root>/~meta/<key>~.json     sidecar {"sha256", "contentType", "size"}
 *   <folder>/~tmp-<uuid>         a write in progress, in the folder of its target
 * `~` is outside the key alphabet (object-key.ts), so sidecars and temp files can never
 * collide with a key and are never listed.
 *
 * `put` writes each file to a temp file beside its target, fsyncs it and renames it over
 * the target, so a reader sees the old file or the new one, never a torn one. The
 * sidecar is committed before the bytes. A crash in between leaves either a sidecar
 * nobody reads (harmless) or, on overwrite, old bytes under the new sidecar, which `get`
 * reports as TH_ERR_OBJECT_CORRUPT instead of returning unverified bytes; putting again
 * repairs it. `delete` removes the bytes first, then the sidecar. Within one process,
 * operations on the same key run one at a time (key-lock.ts).
 *
 * Deliberately left out: coordination between processes sharing a folder, fsync of
 * folders, removal of emptied folders and of temp files left by a crash, following
 * symbolic links while listing. Keys map to paths, so a key cannot also be the "folder"
 * of another: with `a` stored, putting `a/b` fails with TH_ERR_INVALID_OBJECT_KEY (S3
 * would accept both), as does a segment longer than the file system allows (249
 * characters on most, because of the sidecar suffix). A file copied into the folder by
 * hand has no sidecar: it is listed and returned unverified, without sha256 or content
 * type.
 */
export interface LocalObjectStoreOptions {
  /**
   * Folder holding the objects: a path, absolute or relative to the working directory
   * when the store is created. Created on the first `put`. No default here; the app
   * passes `./data/objects`.
   */
  root: string;
}

/** Folder (under root) holding the sidecars. */
const META_DIR = '~meta';
/** Suffix of a sidecar's file name; `~` keeps it out of the key alphabet. */
const META_SUFFIX = '~.json';
/** Prefix of a temp file's name. */
const TEMP_PREFIX = '~tmp-';

const Sidecar = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
type Sidecar = z.infer<typeof Sidecar>;

/** errno codes meaning "no object at this path" when reading. */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
/** errno codes meaning "this key clashes with the file system layout" when writing. */
const KEY_CLASH = new Set(['ENOTDIR', 'EISDIR', 'EEXIST', 'ENAMETOOLONG']);

export class LocalObjectStore implements ObjectStore {
  readonly root: string;
  readonly #lock = new KeyLock();

  constructor(options: LocalObjectStoreOptions) {
    if (typeof options.root !== 'string' || options.root.length === 0) {
      throw tonghopError('TH_ERR_CONFIG', ['LocalObjectStore: `root` must be a non-empty path']);
    }
    this.root = path.resolve(options.root);
  }

  async put(key: string, body: Uint8Array, opts: { contentType: string }): Promise<ObjectInfo> {
    assertValidKey(key);
    const sidecar: Sidecar = { sha256: sha256Hex(body), contentType: opts.contentType, size: body.byteLength };
    await this.#lock.run(key, async () => {
      try {
        await writeAtomically(this.#metaPath(key), new TextEncoder().encode(JSON.stringify(sidecar)));
        await writeAtomically(this.#dataPath(key), body);
      } catch (err) {
        if (KEY_CLASH.has(errnoCode(err) ?? '')) throw tonghopError('TH_ERR_INVALID_OBJECT_KEY', [JSON.stringify(key)], err);
        throw this.#unavailable('put', key, err);
      }
    });
    return { key, ...sidecar };
  }

  async get(key: string): Promise<Uint8Array> {
    assertValidKey(key);
    return this.#lock.run(key, async () => {
      let bytes: Uint8Array;
      try {
        const buffer = await readFile(this.#dataPath(key));
        bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (err) {
        if (ABSENT.has(errnoCode(err) ?? '')) throw tonghopError('TH_ERR_OBJECT_NOT_FOUND', [key], err);
        throw this.#unavailable('get', key, err);
      }
      const sidecar = await this.#readSidecar(key);
      if (sidecar !== undefined && (sidecar.size !== bytes.byteLength || sidecar.sha256 !== sha256Hex(bytes))) {
        throw tonghopError('TH_ERR_OBJECT_CORRUPT', [key]);
      }
      return bytes;
    });
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    assertValidKey(key);
    return this.#lock.run(key, async () => {
      const size = await this.#fileSize(key, 'head');
      if (size === undefined) return undefined;
      const sidecar = await this.#readSidecar(key);
      return sidecar === undefined ? { key, size } : { key, size, sha256: sidecar.sha256, contentType: sidecar.contentType };
    });
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    if (!isPossibleKeyPrefix(prefix)) return;
    // Walk only the deepest folder the prefix names; the rest of the prefix filters the
    // names found there.
    const slash = prefix.lastIndexOf('/');
    const folderKey = slash === -1 ? '' : prefix.slice(0, slash);
    const folder = folderKey === '' ? this.root : this.#dataPath(folderKey);
    yield* this.#walk(folder, folderKey === '' ? '' : `${folderKey}/`, prefix.slice(slash + 1));
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.#lock.run(key, async () => {
      for (const file of [this.#dataPath(key), this.#metaPath(key)]) {
        try {
          await unlink(file);
        } catch (err) {
          if (!ABSENT.has(errnoCode(err) ?? '')) throw this.#unavailable('delete', key, err);
        }
      }
    });
  }

  /**
   * Yields the objects under `folder` in key order. Sorting each folder's entries by
   * name, with "/" appended to sub-folders, gives key order overall: every key below
   * folder `a` starts with `a/`, and no sibling name can (names hold no "/").
   */
  async *#walk(folder: string, keyPrefix: string, nameStartsWith: string): AsyncGenerator<ObjectInfo> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      if (ABSENT.has(errnoCode(err) ?? '')) return;
      throw this.#unavailable('list', keyPrefix, err);
    }
    const ordered = entries
      .filter((e) => (e.isFile() || e.isDirectory()) && e.name.startsWith(nameStartsWith) && isValidKey(e.name))
      .map((e) => ({ entry: e, order: e.isDirectory() ? `${e.name}/` : e.name }))
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    for (const { entry } of ordered) {
      const key = keyPrefix + entry.name;
      if (entry.isDirectory()) {
        yield* this.#walk(path.join(folder, entry.name), `${key}/`, '');
        continue;
      }
      const size = await this.#fileSize(key, 'list');
      if (size === undefined) continue; // deleted while we were listing
      const sidecar = await this.#readSidecar(key).catch(() => undefined);
      yield sidecar === undefined ? { key, size } : { key, size, sha256: sidecar.sha256, contentType: sidecar.contentType };
    }
  }

  async #fileSize(key: string, op: string): Promise<number | undefined> {
    try {
      const s = await stat(this.#dataPath(key));
      return s.isFile() ? s.size : undefined;
    } catch (err) {
      if (ABSENT.has(errnoCode(err) ?? '')) return undefined;
      throw this.#unavailable(op, key, err);
    }
  }

  /** The sidecar, undefined when there is none; TH_ERR_OBJECT_CORRUPT when unreadable. */
  async #readSidecar(key: string): Promise<Sidecar | undefined> {
    let text: string;
    try {
      text = await readFile(this.#metaPath(key), 'utf8');
    } catch (err) {
      if (ABSENT.has(errnoCode(err) ?? '')) return undefined;
      throw this.#unavailable('read metadata of', key, err);
    }
    try {
      return Sidecar.parse(JSON.parse(text));
    } catch (err) {
      throw tonghopError('TH_ERR_OBJECT_CORRUPT', [key], err);
    }
  }

  #dataPath(key: string): string {
    return this.#inside(path.join(this.root, ...key.split('/')));
  }

  #metaPath(key: string): string {
    return this.#inside(path.join(this.root, META_DIR, ...key.split('/')) + META_SUFFIX);
  }

  /** Defence in depth: keys are validated already, but never touch a path outside root. */
  #inside(file: string): string {
    if (!file.startsWith(this.root + path.sep)) throw tonghopError('TH_ERR_INVALID_OBJECT_KEY', [JSON.stringify(file)]);
    return file;
  }

  #unavailable(op: string, key: string, err: unknown): TonghopError {
    const detail = errnoCode(err) ?? (err instanceof Error ? err.message : String(err));
    return tonghopError('TH_ERR_STORE_UNAVAILABLE', [`local ${op} ${JSON.stringify(key)} in ${this.root}: ${detail}`], err);
  }
}

export function createLocalObjectStore(options: LocalObjectStoreOptions): LocalObjectStore {
  return new LocalObjectStore(options);
}

/** Temp file in the target's folder (same file system, so rename is atomic), fsync, rename. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  await writeFileAtomically(target, bytes, path.join(folder, `${TEMP_PREFIX}${randomUUID()}`), 0o666);
}

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
