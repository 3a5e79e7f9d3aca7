import type { Database, Statement } from "better-sqlite3";
import type { Chunk } from "../chunk/index.js";
import { BM25_B, BM25_K1, scoreField } from "./_bm25.js";
import { corpusOrder, docOf, identityField, proseAt, type Docs, type Pass } from "./_docs.js";
import { FIELD_BIGRAMS, FIELD_WORDS, fieldTotals, type ChunkTerms } from "./_tables.js";
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

function identityText(c: Indexed): string {
  return `${c.department} ${c.year}年`;
}

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

/** Keyword tuning knobs (defaults: BIGRAM_WEIGHT, IDENTITY_WEIGHT). */
export interface KeywordWeights {
  readonly bigram?: number;
  readonly identity?: number;
}

/** Prepared statements of one connection, made on first use. */
interface Statements {
  readonly df: Statement<[number, string]>;
  readonly all: Statement<[number, string]>;
  readonly one: Statement<[number, string, number]>;
}

const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      df: db.prepare("SELECT df FROM terms WHERE field = ? AND term = ?"),
      all: db.prepare("SELECT doc, data FROM postings WHERE field = ? AND term = ?"),
      one: db.prepare("SELECT doc, data FROM postings WHERE field = ? AND term = ? AND doc = ?"),
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

/**
 * Adds `weight` × BM25 of every posting of `terms` in `field` into `scores` (label → score). Only
 * the postings of the query's own terms are read, and with a document filter only those documents'.
 */
function scoreTerms(db: Database, field: number, terms: readonly string[], weight: number, n: number, avgdl: number, pass: Pass | null, scores: Map<number, number>): void {
  if (n === 0 || weight === 0 || avgdl === 0) return;
  const st = statements(db);
  const point = pass?.docs != null && pass.docs.length <= POINT_READS_MAX ? pass.docs : null;
  for (const t of new Set(terms)) {
    const row = st.df.get(field, t) as { df: number } | undefined;
    if (!row) continue;
    const idf = Math.log(1 + (n - row.df + 0.5) / (row.df + 0.5));
    const rows = point
      ? point.flatMap((d) => (st.one.get(field, t, d.id) as { doc: number; data: Buffer } | undefined) ?? [])
      : (st.all.all(field, t) as { doc: number; data: Buffer }[]);
    for (const r of rows) {
      if (pass?.ids && !pass.ids.has(r.doc)) continue;
      const post = int32(r.data);
      for (let i = 0; i < post.length; i += 3) {
        const label = post[i] ?? 0;
        const tf = post[i + 1] ?? 0;
        const len = post[i + 2] ?? 0;
        const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avgdl);
        scores.set(label, (scores.get(label) ?? 0) + (weight * idf * tf * (BM25_K1 + 1)) / norm);
      }
    }
  }
}

/** The `n` best chunk labels for a query by BM25 (within `pass` when given), best first. */
export function searchKeyword(
  db: Database,
  docs: Docs,
  query: string,
  n: number,
  pass: Pass | null,
  weights: KeywordWeights = {},
): { label: number; score: number }[] {
  const terms = tokenize(stripDepartments(query, docs.departments));
  const named = tokenize(query);
  const totals = fieldTotals(db);
  const scores = new Map<number, number>();
  scoreTerms(db, FIELD_WORDS, terms.words, 1, totals.chunks, totals.chunks > 0 ? totals.words / totals.chunks : 0, pass, scores);
  scoreTerms(db, FIELD_BIGRAMS, terms.bigrams, weights.bigram ?? BIGRAM_WEIGHT, totals.chunks, totals.chunks > 0 ? totals.bigrams / totals.chunks : 0, pass, scores);
  const identity = identityField(docs);
  const idScores = new Float64Array(identity.docLen.length);
  scoreField(identity, [...named.words, ...named.bigrams], weights.identity ?? IDENTITY_WEIGHT, idScores, new Set());
  const hits: { label: number; score: number }[] = [];
  for (const [label, score] of scores) {
    const d = docOf(docs, label);
    if (d === null) continue;
    if (pass?.proseOnly && !proseAt(d, label)) continue;
    hits.push({ label, score: score + (idScores[d.identity] ?? 0) });
  }
  const order = corpusOrder(docs);
  return hits.sort((a, b) => b.score - a.score || order(a.label, b.label)).slice(0, n);
}
