/**
 * The search tables inside the index database: one row per document (its chunk labels and which of
 * them are prose), one per chunk, and BM25 postings per (field, term, document) so that a query reads
 * only the postings of its own terms, and adding or removing a document touches only its own rows.
 *
 * Postings live in two tiers, as in a log-structured index: `postings` (merged) and a small
 * `postings_recent` that documents added to a large index go to. A document's thousands of terms
 * each sit on another page of the merged B-tree, so inserting them there dirties thousands of pages
 * (≈0.5 s at 1,000 documents); in the recent tier they cost what they cost in an empty index.
 * Queries read both tiers; `mergeRecentPostings` moves the recent tier over in one sorted pass.
 */
import type { Database } from "better-sqlite3";
import type { Chunk } from "../chunk/index.js";
import { sha256 } from "../core/hash.js";
import { tokenize } from "./_tokenize.js";

/** Field numbers of the postings table. */
export const FIELD_WORDS = 0;
export const FIELD_BIGRAMS = 1;

/** A chunk's indexed terms: jieba words and Han bigrams of its content (identity excluded). */
export interface ChunkTerms {
  readonly words: readonly string[];
  readonly bigrams: readonly string[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS search_docs(
  id INTEGER PRIMARY KEY, file TEXT NOT NULL, department TEXT NOT NULL, year INTEGER NOT NULL,
  base INTEGER NOT NULL, count INTEGER NOT NULL, prose BLOB NOT NULL, words INTEGER NOT NULL, bigrams INTEGER NOT NULL,
  recent INTEGER NOT NULL DEFAULT 0, identity TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks(
  label INTEGER PRIMARY KEY, doc INTEGER NOT NULL, prose INTEGER NOT NULL, line INTEGER NOT NULL,
  section TEXT, text_sha TEXT NOT NULL, sha TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc_section ON chunks(doc, section);
CREATE TABLE IF NOT EXISTS postings(
  field INTEGER NOT NULL, term TEXT NOT NULL, doc INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY(field, term, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_doc ON postings(doc);
CREATE TABLE IF NOT EXISTS postings_recent(
  field INTEGER NOT NULL, term TEXT NOT NULL, doc INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY(field, term, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_recent_doc ON postings_recent(doc);
CREATE TABLE IF NOT EXISTS terms(field INTEGER NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY(field, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS doc_vectors(doc INTEGER PRIMARY KEY, data BLOB NOT NULL);
`;

/** Creates the search tables when absent. */
export function createSearchTables(db: Database): void {
  db.exec(SCHEMA);
}

/** Passages answer "why/what" questions; rows of the numeric 公开NN表 tables only hold figures. */
export function isProse(c: Pick<Chunk, "kind" | "table">): boolean {
  return c.kind !== "table_row" || !/^公开\d+表/.test(c.table ?? "");
}

function meta(db: Database, key: string): number {
  const row = db.prepare("SELECT value FROM search_meta WHERE key = ?").get(key) as { value: number } | undefined;
  return row?.value ?? 0;
}

function setMeta(db: Database, key: string, value: number): void {
  db.prepare("INSERT INTO search_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
}

/** Totals over all live chunks: chunk count and token count per field (for BM25's avgdl). */
export interface FieldTotals {
  readonly chunks: number;
  readonly words: number;
  readonly bigrams: number;
}

/** Current totals, kept in `search_meta` as documents come and go. */
export function fieldTotals(db: Database): FieldTotals {
  return { chunks: meta(db, "chunks"), words: meta(db, "words"), bigrams: meta(db, "bigrams") };
}

/** Bumped on every change of the chunk set; a saved vector graph records the one it matches. */
export function searchGeneration(db: Database): number {
  return meta(db, "generation");
}

function bumpTotals(db: Database, sign: 1 | -1, chunks: number, words: number, bigrams: number): void {
  setMeta(db, "chunks", meta(db, "chunks") + sign * chunks);
  setMeta(db, "words", meta(db, "words") + sign * words);
  setMeta(db, "bigrams", meta(db, "bigrams") + sign * bigrams);
  setMeta(db, "generation", meta(db, "generation") + 1);
}

/** The identity of a document's chunks ("department year年"), scored as a field of its own. */
export function identityText(c: { readonly department: string; readonly year: number }): string {
  return `${c.department} ${c.year}年`;
}

/** Chunk file paths are not stored (a moved corpus keeps its rows): `file` is filled in on read. */
function storedChunk(c: Chunk): string {
  return JSON.stringify({ ...c, file: "" });
}

function packPostings(lists: Map<string, number[]>): [string, Buffer][] {
  return [...lists].map(([t, l]) => [t, Buffer.from(Int32Array.from(l).buffer)]);
}

/**
 * Where a document's term rows go: the merged tables, the recent tier, or the recent tier with the
 * term counts left to the merge (a batch of documents added together: `mergeRecentPostings(db, true)`).
 */
export type PostingTier = "merged" | "recent" | "batch";

/** Where a document's chunks sit in the label space. */
export interface Span {
  readonly base: number;
  readonly count: number;
}

/**
 * Adds one document's chunks (document order) with their terms under `id`; labels are the next
 * `chunks.length` free numbers; `tier` says where its postings go. Run inside the caller's
 * transaction.
 */
export function addSearchDocument(
  db: Database,
  id: number,
  doc: { file: string; department: string; year: number; chunks: readonly Chunk[]; terms: readonly ChunkTerms[] },
  tier: PostingTier = "merged",
): Span {
  const recent = tier !== "merged";
  const base = meta(db, "next_label");
  const count = doc.chunks.length;
  setMeta(db, "next_label", base + count);
  const prose = new Uint8Array(Math.ceil(count / 8));
  const insertChunk = db.prepare("INSERT INTO chunks(label, doc, prose, line, section, text_sha, sha, data) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  const fields: [number, Map<string, number[]>][] = [
    [FIELD_WORDS, new Map()],
    [FIELD_BIGRAMS, new Map()],
  ];
  let words = 0;
  let bigrams = 0;
  doc.chunks.forEach((c, i) => {
    const p = isProse(c);
    if (p) prose[i >> 3] = (prose[i >> 3] ?? 0) | (1 << (i & 7));
    const label = base + i;
    const data = storedChunk(c);
    insertChunk.run(label, id, p ? 1 : 0, c.line, c.section, sha256(c.text), sha256(data), data);
    const t = doc.terms[i] ?? { words: [], bigrams: [] };
    words += t.words.length;
    bigrams += t.bigrams.length;
    for (const [field, tokens] of [
      [fields[0]?.[1], t.words],
      [fields[1]?.[1], t.bigrams],
    ] as const) {
      if (!field) continue;
      const tf = new Map<string, number>();
      for (const w of tokens) tf.set(w, (tf.get(w) ?? 0) + 1);
      for (const [w, n] of tf) {
        let list = field.get(w);
        if (!list) field.set(w, (list = []));
        list.push(label, n, tokens.length);
      }
    }
  });
  // The identity pseudo-document's tokens, made once here: a query never runs jieba over the archive's names.
  const who = tokenize(identityText(doc));
  db.prepare("INSERT INTO search_docs(id, file, department, year, base, count, prose, words, bigrams, recent, identity) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
    id,
    doc.file,
    doc.department,
    doc.year,
    base,
    count,
    Buffer.from(prose),
    words,
    bigrams,
    recent ? 1 : 0,
    JSON.stringify([...who.words, ...who.bigrams]),
  );
  const insertPosting = db.prepare(`INSERT INTO ${recent ? "postings_recent" : "postings"}(field, term, doc, data) VALUES(?, ?, ?, ?)`);
  const addDf = db.prepare("INSERT INTO terms(field, term, df) VALUES(?, ?, ?) ON CONFLICT(field, term) DO UPDATE SET df = df + excluded.df");
  for (const [field, lists] of fields) {
    for (const [term, data] of packPostings(lists)) {
      insertPosting.run(field, term, id, data);
      if (tier !== "batch") addDf.run(field, term, data.length / 12);
    }
  }
  bumpTotals(db, 1, count, words, bigrams);
  return { base, count };
}

/** Removes a document's chunks and postings; returns its span (for the vector graph), or null. */
export function removeSearchDocument(db: Database, id: number): Span | null {
  const doc = db.prepare("SELECT base, count, words, bigrams FROM search_docs WHERE id = ?").get(id) as
    | { base: number; count: number; words: number; bigrams: number }
    | undefined;
  if (!doc) return null;
  const subtract = db.prepare("UPDATE terms SET df = df - ? WHERE field = ? AND term = ?");
  const drop = db.prepare("DELETE FROM terms WHERE field = ? AND term = ? AND df <= 0");
  const rows = db
    .prepare("SELECT field, term, length(data) AS bytes FROM postings WHERE doc = ? UNION ALL SELECT field, term, length(data) AS bytes FROM postings_recent WHERE doc = ?")
    .all(id, id) as { field: number; term: string; bytes: number }[];
  for (const p of rows) {
    subtract.run(p.bytes / 12, p.field, p.term);
    drop.run(p.field, p.term);
  }
  db.prepare("DELETE FROM postings WHERE doc = ?").run(id);
  db.prepare("DELETE FROM postings_recent WHERE doc = ?").run(id);
  db.prepare("DELETE FROM chunks WHERE doc = ?").run(id);
  db.prepare("DELETE FROM doc_vectors WHERE doc = ?").run(id);
  db.prepare("DELETE FROM search_docs WHERE id = ?").run(id);
  bumpTotals(db, -1, doc.count, doc.words, doc.bigrams);
  return { base: doc.base, count: doc.count };
}

/** Documents whose postings are in the recent tier, and documents in all. */
export function postingTiers(db: Database): { recent: number; all: number } {
  const row = db.prepare("SELECT COALESCE(SUM(recent), 0) AS recent, COUNT(*) AS n FROM search_docs").get() as { recent: number; n: number };
  return { recent: row.recent, all: row.n };
}

/**
 * Moves the recent tier's postings into the merged table, in key order (one pass over its pages).
 * `batch`: the tier holds a batch added with their term counts left out; they are counted first,
 * one sorted pass over the term table instead of one scattered update per term and document.
 */
export function mergeRecentPostings(db: Database, batch = false): void {
  db.transaction(() => {
    if (batch) {
      db.exec(
        "INSERT INTO terms(field, term, df) SELECT field, term, SUM(length(data) / 12) FROM postings_recent WHERE true GROUP BY field, term ORDER BY field, term ON CONFLICT(field, term) DO UPDATE SET df = df + excluded.df",
      );
    }
    db.exec("INSERT INTO postings(field, term, doc, data) SELECT field, term, doc, data FROM postings_recent ORDER BY field, term, doc");
    db.exec("DELETE FROM postings_recent");
    db.exec("UPDATE search_docs SET recent = 0 WHERE recent = 1");
  })();
}

/** Chunks of a document whose stored row no longer matches its recorded hash (edited or damaged). */
export function damagedChunks(db: Database, id: number): number {
  const rows = db.prepare("SELECT sha, data FROM chunks WHERE doc = ?").all(id) as { sha: string; data: string }[];
  return rows.filter((r) => sha256(r.data) !== r.sha).length;
}

/** Records a document's new path (a moved or renamed corpus directory); nothing else changes. */
export function moveSearchDocument(db: Database, id: number, file: string): void {
  db.prepare("UPDATE search_docs SET file = ? WHERE id = ?").run(file, id);
}
