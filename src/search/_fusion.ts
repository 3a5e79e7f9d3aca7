/**
 * Reciprocal rank fusion constant: score = Σ weight / (RRF_K + rank), rank 1-based. 60 is the value
 * of Cormack et al. (2009); it flattens the head of each list so neither ranking dominates by score
 * scale (BM25 is unbounded, cosine sits in a narrow band around 0.5–0.8). Tuned by the retrieval
 * benchmark (scripts/bench/retrieval.ts).
 */
export const RRF_K = 60;

/**
 * Weight of the dense ranking against the keyword ranking (1). On the dev questions BM25 alone
 * is the stronger ranker (recall@5 0.87 vs 0.84 with the department filter); 0.6–0.8 gave the same
 * fused recall, 1.0 one question less, so the dense list counts a little less.
 */
export const DENSE_WEIGHT = 0.8;

/** One ranked list: labels best first with their own scores. */
export interface Ranked {
  readonly label: number;
  readonly score: number;
}

/** A fused result with each input's own score (null when that list did not return it). */
export interface Fused {
  readonly label: number;
  readonly score: number;
  readonly dense: number | null;
  readonly keyword: number | null;
}

/** Fuses a dense and a keyword ranking by reciprocal rank; ties keep the keyword order, then `order` (default: label). */
export function fuseRrf(
  dense: readonly Ranked[],
  keyword: readonly Ranked[],
  opts: { k?: number; denseWeight?: number; keywordWeight?: number; order?: (a: number, b: number) => number } = {},
): Fused[] {
  const k = opts.k ?? RRF_K;
  const wd = opts.denseWeight ?? DENSE_WEIGHT;
  const wk = opts.keywordWeight ?? 1;
  const acc = new Map<number, { score: number; dense: number | null; keyword: number | null; kr: number }>();
  const get = (label: number) => {
    let e = acc.get(label);
    if (!e) {
      e = { score: 0, dense: null, keyword: null, kr: Number.POSITIVE_INFINITY };
      acc.set(label, e);
    }
    return e;
  };
  dense.forEach((r, i) => {
    const e = get(r.label);
    e.score += wd / (k + i + 1);
    e.dense = r.score;
  });
  keyword.forEach((r, i) => {
    const e = get(r.label);
    e.score += wk / (k + i + 1);
    e.keyword = r.score;
    e.kr = i;
  });
  return [...acc.entries()]
    .sort(([la, a], [lb, b]) => b.score - a.score || a.kr - b.kr || (opts.order ? opts.order(la, lb) : la - lb))
    .map(([label, e]) => ({ label, score: e.score, dense: e.dense, keyword: e.keyword }));
}
