import type { Fact } from '../../../schemas/fact/v1.ts';

/**
 * Every way of picking one fact per list, at most `limit` of them, in list order. A pick may
 * hold one fact twice when the lists share it; callers that need distinct facts skip those.
 */
export function* combinations(lists: readonly Fact[][], limit: number): Generator<Fact[]> {
  let count = 0;
  function* walk(i: number, acc: Fact[]): Generator<Fact[]> {
    if (count >= limit) return;
    if (i === lists.length) {
      count += 1;
      yield acc;
      return;
    }
    for (const f of lists[i]!) yield* walk(i + 1, [...acc, f]);
  }
  yield* walk(0, []);
}
