/** Okapi BM25 parameters; the textbook defaults suit our short, uniform chunks. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** An inverted index over one field (e.g. jieba words, or character bigrams). */
export interface Bm25Field {
  readonly terms: ReadonlyMap<string, number>;
  /** postings[t] = flat [doc, tf, doc, tf, …] for term id t. */
  readonly postings: readonly Int32Array[];
  readonly docLen: Uint32Array;
  readonly avgdl: number;
}

/** Builds a field from each document's term list. */
export function buildField(docs: readonly (readonly string[])[]): Bm25Field {
  const terms = new Map<string, number>();
  const lists: number[][] = [];
  const docLen = new Uint32Array(docs.length);
  let total = 0;
  docs.forEach((tokens, d) => {
    docLen[d] = tokens.length;
    total += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let id = terms.get(t);
      if (id === undefined) {
        id = lists.length;
        terms.set(t, id);
        lists.push([]);
      }
      lists[id]?.push(d, n);
    }
  });
  return { terms, postings: lists.map((l) => Int32Array.from(l)), docLen, avgdl: docs.length > 0 ? total / docs.length : 0 };
}

/**
 * Adds `weight` × BM25(query, doc) into `scores` for every document holding a query term; repeated
 * query terms count once (short queries, where repetition is noise).
 */
export function scoreField(field: Bm25Field, query: readonly string[], weight: number, scores: Float64Array, touched: Set<number>): void {
  const n = field.docLen.length;
  if (n === 0 || weight === 0) return;
  for (const t of new Set(query)) {
    const id = field.terms.get(t);
    if (id === undefined) continue;
    const post = field.postings[id];
    if (!post) continue;
    const df = post.length / 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let i = 0; i < post.length; i += 2) {
      const d = post[i] ?? 0;
      const tf = post[i + 1] ?? 0;
      const len = field.docLen[d] ?? 0;
      const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / field.avgdl);
      scores[d] = (scores[d] ?? 0) + (weight * idf * tf * (BM25_K1 + 1)) / norm;
      touched.add(d);
    }
  }
}
