/**
 * KeyLock: runs async work one at a time per key, inside one process.
 *
 * The local object store keeps an object in two files (bytes and sidecar). Without this,
 * a `get` could read the new sidecar with the old bytes while a `put` of the same key
 * is half done, and report a corruption that is not there. Different keys never wait
 * for each other. Deliberately left out: locking across processes (two processes
 * writing the same key of the same folder are not coordinated).
 */
export class KeyLock {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      // Forget the key once nobody queued behind us, so the map does not grow forever.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
