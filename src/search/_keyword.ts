import type { Database, Statement } from "better-sqlite3";
import type { Chunk } from "../chunk/index.js";
import { BM25_B, BM25_K1, scoreField } from "./_bm25.js";
import { corpusOrder, docOf, identityField, namesInQuery, proseAt, type Docs, type DocView, type Pass } from "./_docs.js";
import { FIELD_BIGRAMS, FIELD_WORDS, fieldTotals, identityText, type ChunkTerms } from "./_tables.js";
import { normalize, tokenize } from "./_tokenize.js";

/**
 * Weight of the character-bigram field against the jieba word field. Bigrams rescue words jieba
 * cuts differently in query and text, typos ("公物接待费") and names it does not know; at full weight
 * they drown the sharper word matches. Tuned by the retrieval benchmark.
 */
export const BIGRAM_WEIGHT = 0.5;

/**
 * Weight of the identity field (department + year). Every chunk's text starts with its department
 * and year; scored with the content, those words would favour the shortest chunks of the named
 * department (BM25 length normalisation), so they are a field of their own, scored once per
 * department and added to chunks that match the query's content. The part of the query naming a
 * department is matched against this field only: in the content the name is rare (titles, 概况),
 * and its high IDF would rank those chunks above the ones about the question's subject.
 */
export const IDENTITY_WEIGHT = 2;

type Indexed = Pick<Chunk, "text" | "department" | "year">;

/** A chunk's text without its leading identity. */
function contentText(c: Indexed): string {
  const id = identityText(c);
  return c.text.startsWith(id) ? c.text.slice(id.length) : c.text;
}

/** The terms a chunk is indexed under (computed once, at build time). */
export function chunkTerms(c: Indexed): ChunkTerms {
  const t = tokenize(contentText(c));
  return { words: t.words, bigrams: t.bigrams };
}

/** Shortest run of a department name that counts as naming it in a query ("东西湖", "服务中心"). */
const MIN_NAME_RUN = 3;

/**
 * The query with every run of ≥ 3 characters shared with a department name blanked out, e.g.
 * "洪山区企业服务中心住房保障支出" → " 住房保障支出" (name "武汉市洪山区企业服务中心").
 */
export function stripDepartments(query: string, departments: readonly string[]): string {
  const q = [...normalize(query)];
  const drop = new Array<boolean>(q.length).fill(false);
  for (const name of departments) {
    let i = 0;
    while (i < q.length) {
      let len = 0;
      while (i + len < q.length && name.includes(q.slice(i, i + len + 1).join(""))) len++;
      if (len >= MIN_NAME_RUN) {
        for (let j = i; j < i + len; j++) drop[j] = true;
        i += len;
      } else {
        i++;
      }
    }
  }
  return q.map((ch, i) => (drop[i] ? " " : ch)).join("");
}

/** Keyword tuning knobs (defaults: BIGRAM_WEIGHT, IDENTITY_WEIGHT, pruning on). */
export interface KeywordWeights {
  readonly bigram?: number;
  readonly identity?: number;
  /** Skip postings that cannot change the top n (default true; false scores every posting). */
  readonly prune?: boolean;
}

/** Prepared statements of one connection, made on first use. */
interface Statements {
  readonly df: Statement<[number, string]>;
  readonly all: Statement<[{ field: number; term: string }]>;
  readonly one: Statement<[{ field: number; term: string; doc: number }]>;
}

const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      df: db.prepare("SELECT df FROM terms WHERE field = ? AND term = ?"),
      // Both tiers (see _tables.ts): the recent one is small, one more B-tree probe per term.
      all: db.prepare("SELECT doc, data FROM postings WHERE field = @field AND term = @term UNION ALL SELECT doc, data FROM postings_recent WHERE field = @field AND term = @term"),
      one: db.prepare("SELECT doc, data FROM postings WHERE field = @field AND term = @term AND doc = @doc UNION ALL SELECT doc, data FROM postings_recent WHERE field = @field AND term = @term AND doc = @doc"),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Above this many passing documents one read of a term's postings beats a read per document. */
const POINT_READS_MAX = 24;

function int32(buf: Buffer): Int32Array {
  // SQLite hands out unaligned buffers; Int32Array needs 4-byte alignment.
  if (buf.byteOffset % 4 === 0) return new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength >> 2);
  return new Int32Array(new Uint8Array(buf).buffer);
}

/** One query term of one field with its BM25 weight and the most it can add to a chunk's score. */
interface QueryTerm {
  readonly field: number;
  readonly term: string;
  readonly weight: number;
  readonly idf: number;
  readonly avgdl: number;
  /** Upper bound of the term's contribution: weight × idf × (k1 + 1). */
  readonly bound: number;
}

function queryTerms(db: Database, field: number, terms: readonly string[], weight: number, n: number, avgdl: number): QueryTerm[] {
  if (n === 0 || weight === 0 || avgdl === 0) return [];
  const st = statements(db);
  return [...new Set(terms)].flatMap((term) => {
    const row = st.df.get(field, term) as { df: number } | undefined;
    if (!row) return [];
    const idf = Math.log(1 + (n - row.df + 0.5) / (row.df + 0.5));
    return [{ field, term, weight, idf, avgdl, bound: weight * idf * (BM25_K1 + 1) }];
  });
}

/**
 * Adds the term's BM25 contribution for its postings in `docs` (null: all documents) into `scores`;
 * with `only`, just for those labels.
 */
function addTerm(db: Database, q: QueryTerm, docs: readonly DocView[] | null, ids: ReadonlySet<number> | null, scores: Map<number, number>, only: ReadonlySet<number> | null): void {
  const st = statements(db);
  const rows =
    docs !== null && docs.length <= POINT_READS_MAX
      ? docs.flatMap((d) => st.one.all({ field: q.field, term: q.term, doc: d.id }) as { doc: number; data: Buffer }[])
      : (st.all.all({ field: q.field, term: q.term }) as { doc: number; data: Buffer }[]);
  for (const r of rows) {
    if (ids !== null && !ids.has(r.doc)) continue;
    const post = int32(r.data);
    for (let i = 0; i < post.length; i += 3) {
      const label = post[i] ?? 0;
      if (only !== null && !only.has(label)) continue;
      const tf = post[i + 1] ?? 0;
      const len = post[i + 2] ?? 0;
      const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / q.avgdl);
      scores.set(label, (scores.get(label) ?? 0) + (q.weight * q.idf * tf * (BM25_K1 + 1)) / norm);
    }
  }
}

/** The n-th largest value (n ≥ 1) of `xs`, or -Infinity when there are fewer. */
function nth(xs: Float64Array, n: number): number {
  if (xs.length < n) return Number.NEGATIVE_INFINITY;
  // A typed array sorts numerically without a comparator, several times faster than a spread copy
  // sorted with one (scores of a common term's chunks across an archive number in the 100,000s).
  const sorted = xs.slice().sort();
  return sorted[sorted.length - n] ?? Number.NEGATIVE_INFINITY;
}

/**
 * The `n` best chunk labels for a query by BM25 (within `pass` when given), best first. Terms are
 * read rarest first (MaxScore): once the terms left cannot lift an unseen chunk into the top `n`,
 * they are read only for the documents of the chunks that can still get there, so a common word
 * costs its postings in a few documents, not in the whole archive. Exact: the result is the same
 * as scoring every posting.
 */
export function searchKeyword(
  db: Database,
  docs: Docs,
  query: string,
  n: number,
  pass: Pass | null,
  weights: KeywordWeights = {},
): { label: number; score: number }[] {
  const content = tokenize(stripDepartments(query, namesInQuery(docs, normalize(query))));
  const named = tokenize(query);
  const totals = fieldTotals(db);
  const avg = (x: number): number => (totals.chunks > 0 ? x / totals.chunks : 0);
  const terms = [
    ...queryTerms(db, FIELD_WORDS, content.words, 1, totals.chunks, avg(totals.words)),
    ...queryTerms(db, FIELD_BIGRAMS, content.bigrams, weights.bigram ?? BIGRAM_WEIGHT, totals.chunks, avg(totals.bigrams)),
  ].sort((a, b) => b.bound - a.bound);
  const identity = identityField(docs);
  const idScores = new Float64Array(identity.docLen.length);
  scoreField(identity, [...named.words, ...named.bigrams], weights.identity ?? IDENTITY_WEIGHT, idScores, new Set());
  const maxId = idScores.reduce((m, x) => Math.max(m, x), 0);
  const passDocs = pass?.docs ?? null;
  const passIds = pass?.ids ?? null;
  const eligible = (label: number): DocView | null => {
    const d = docOf(docs, label);
    return d === null || (pass?.proseOnly && !proseAt(d, label)) ? null : d;
  };
  const total = (score: number, d: DocView): number => score + (idScores[d.identity] ?? 0);

  const scores = new Map<number, number>();
  let left = terms.reduce((s, t) => s + t.bound, 0);
  let i = 0;
  let candidates: Set<number> | null = null;
  for (; i < terms.length; i++) {
    const t = terms[i] as QueryTerm;
    addTerm(db, t, passDocs, passIds, scores, null);
    left -= t.bound;
    if (weights.prune !== false && i + 1 < terms.length && scores.size >= n) {
      // Can anything not yet in the top n still get there? Only chunks within reach of the n-th score.
      const totals = new Float64Array(scores.size);
      let k = 0;
      let best = Number.NEGATIVE_INFINITY;
      for (const [label, score] of scores) {
        const d = eligible(label);
        const x = d === null ? Number.NEGATIVE_INFINITY : total(score, d);
        totals[k++] = x;
        if (x > best) best = x;
      }
      // The n-th score is at most the best: when even that is within reach, nothing can be pruned.
      if (left + maxId >= best) continue;
      const theta = nth(totals, n);
      if (left + maxId < theta) {
        candidates = new Set();
        for (const [label, score] of scores) {
          const d = eligible(label);
          if (d !== null && total(score, d) + left >= theta) candidates.add(label);
        }
        i++;
        break;
      }
    }
  }
  if (candidates !== null) {
    const within = new Map<number, DocView>();
    for (const label of candidates) {
      const d = docOf(docs, label);
      if (d) within.set(d.id, d);
    }
    const near = [...within.values()];
    for (; i < terms.length; i++) addTerm(db, terms[i] as QueryTerm, near, new Set(within.keys()), scores, candidates);
  }
  const hits: { label: number; score: number }[] = [];
  for (const [label, score] of scores) {
    if (candidates !== null && !candidates.has(label)) continue;
    const d = eligible(label);
    if (d !== null) hits.push({ label, score: total(score, d) });
  }
  const order = corpusOrder(docs);
  return hits.sort((a, b) => b.score - a.score || order(a.label, b.label)).slice(0, n);
}
