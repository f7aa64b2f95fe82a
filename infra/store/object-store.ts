/**
 * ObjectStore: where every original file (and derived artefact, such as extracted
 * page text) lives.
 *
 * In it: put bytes under a key with their sha256 and content type recorded; get them
 * back, verified against that sha256 (TH_ERR_OBJECT_CORRUPT on mismatch,
 * TH_ERR_OBJECT_NOT_FOUND when absent); head; list by key prefix; delete (absent keys
 * are fine). Keys are `/`-separated relative paths without `.`/`..` segments
 * (see object-key.ts); adapters reject anything else with TH_ERR_INVALID_OBJECT_KEY.
 * An adapter that cannot reach its backing store throws TH_ERR_STORE_UNAVAILABLE
 * (retriable).
 *
 * `list(prefix)` matches a plain string prefix, as S3 does: `reports/01` matches
 * `reports/01/a.pdf` and `reports/011/b.pdf`; add the trailing `/` to stay inside one
 * "folder". It yields every matching valid key, at any depth, sorted by key (byte
 * order; keys are ASCII). A prefix no valid key can start with (`../`, `/x`) yields
 * nothing. Entries from `list` always carry key and size; sha256 and content type
 * only where the adapter has them at no extra request (use `head` for those).
 *
 * Deliberately left out: buckets, clients, streams and presigned URLs.
 */
export interface ObjectStore {
  put(key: string, body: Uint8Array, opts: { contentType: string }): Promise<ObjectInfo>;
  get(key: string): Promise<Uint8Array>;
  head(key: string): Promise<ObjectInfo | undefined>;
  list(prefix: string): AsyncIterable<ObjectInfo>;
  delete(key: string): Promise<void>;
}

export interface ObjectInfo {
  key: string;
  /** Bytes. */
  size: number;
  /** Lowercase hex sha256 of the bytes, recorded at `put`. */
  sha256?: string;
  contentType?: string;
}
