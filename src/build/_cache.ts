/**
 * A cache of two LRU parts bounded by weight (an archive's department-years differ tenfold in
 * size, so a count bound says little about memory): entries enter `once` and move to `again` when
 * read a second time. A pass over many entries read once (a warm-up, a scan) goes through `once`
 * and leaves the working set in `again` warm. An entry heavier than a part's bound is kept alone.
 */
export interface WeightedCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Entries held and their total weight (both parts). */
  size(): { readonly entries: number; readonly weight: number };
}

/** Bounds of the two parts, in the unit `weigh` returns. */
export interface CacheBounds {
  readonly once: number;
  readonly again: number;
}

interface Part<T> {
  readonly entries: Map<string, { value: T; weight: number }>;
  weight: number;
  readonly bound: number;
}

function trim<T>(p: Part<T>): void {
  while (p.weight > p.bound && p.entries.size > 1) {
    const oldest = p.entries.keys().next().value;
    if (oldest === undefined) return;
    p.weight -= p.entries.get(oldest)?.weight ?? 0;
    p.entries.delete(oldest);
  }
}

function take<T>(p: Part<T>, key: string): { value: T; weight: number } | undefined {
  const e = p.entries.get(key);
  if (e === undefined) return undefined;
  p.entries.delete(key);
  p.weight -= e.weight;
  return e;
}

/** A two-part cache whose parts hold at most `bounds` of total weight. */
export function weightedCache<T>(bounds: CacheBounds, weigh: (value: T) => number): WeightedCache<T> {
  const once: Part<T> = { entries: new Map(), weight: 0, bound: bounds.once };
  const again: Part<T> = { entries: new Map(), weight: 0, bound: bounds.again };
  return {
    get(key) {
      const e = take(again, key) ?? take(once, key);
      if (e === undefined) return undefined;
      again.entries.set(key, e);
      again.weight += e.weight;
      trim(again);
      return e.value;
    },
    set(key, value) {
      take(again, key);
      take(once, key);
      const weight = Math.max(1, weigh(value));
      once.entries.set(key, { value, weight });
      once.weight += weight;
      trim(once);
    },
    size: () => ({ entries: once.entries.size + again.entries.size, weight: once.weight + again.weight }),
  };
}
