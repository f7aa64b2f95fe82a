/**
 * Runs async sections one after another, in call order. The flag handler, the digest
 * flush and the delivery worker's claim/record steps all read-then-write the delivery log;
 * this keeps their read-modify-write cycles from interleaving (slow sends run outside it).
 */
export interface SerialLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createSerialLock(): SerialLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const next = tail.then(work, work);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
