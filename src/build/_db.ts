/**
 * The index database (`<index>/index.db`, SQLite): documents, their facts and findings (one blob
 * per document, read per department-year), rejected files, and the search tables. Assembled from
 * per-document artefacts; a document is added or removed in one transaction.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sha256 } from "../core/hash.js";
import { err, ok, type Result } from "../core/result.js";
import { vocabularyOf } from "../link/index.js";
import { headlineAsks, selectFigure } from "../answer/index.js";
import { addSearchDocument, createSearchTables, damagedChunks, mergeRecentPostings, moveSearchDocument, postingTiers, removeSearchDocument, type PostingTier, type Span } from "../search/index.js";
import type { FileStamp, KnownFile } from "../corpus/index.js";
import type { ArtefactInfo, ArtefactStore } from "./_artefacts.js";
import { codeFingerprint } from "./_fingerprint.js";
import type { Outcome, StoredRecord } from "./_process.js";

/** Bump when the tables change shape (the database is then re-assembled from the artefacts). */
export const DB_FORMAT = 6;
export const DB_FILE = "index.db";

/**
 * The database format with a fingerprint of the code that derives rows from artefacts at assembly
 * (the label vocabulary, by src/link; the search tables; the headline figures, by the answer
 * stage's selection): a change re-assembles the database, without parsing.
 */
export function assemblyFormat(): string {
  return `${DB_FORMAT}-${codeFingerprint(["link", "search/_tables", "answer/_select", "answer/_headline", "answer/_text"])}`;
}

/** Why the database cannot be opened as it is. */
export interface DbError {
  readonly code: "index_missing" | "index_stale" | "index_corrupt";
  readonly reason: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, file TEXT NOT NULL, department TEXT NOT NULL, year INTEGER NOT NULL,
  artefact_sha TEXT NOT NULL, artefact_bytes INTEGER NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_who ON documents(department, year);
CREATE TABLE IF NOT EXISTS facts(doc INTEGER PRIMARY KEY, count INTEGER NOT NULL, sha TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS findings(doc INTEGER PRIMARY KEY, sha TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS headlines(ask TEXT NOT NULL, doc INTEGER NOT NULL, sha TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY(ask, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS headlines_doc ON headlines(doc);
CREATE TABLE IF NOT EXISTS doc_terms(term TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(term, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_terms_doc ON doc_terms(doc);
CREATE TABLE IF NOT EXISTS doc_terms_recent(term TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(term, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_terms_recent_doc ON doc_terms_recent(doc);
CREATE TABLE IF NOT EXISTS vocabulary(word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_words(doc INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns TEXT NOT NULL, ctime_ns TEXT NOT NULL, ino TEXT NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rejected(key TEXT PRIMARY KEY, file TEXT NOT NULL, reason TEXT NOT NULL, artefact_bytes INTEGER NOT NULL);
`;

function tune(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 10000");
  // Postings and term statistics are B-trees touched all over by each document added: a page cache
  // of 64 MiB (default 2 MiB) keeps a large corpus's inner pages in memory.
  db.pragma("cache_size = -65536");
  // The log is copied into the database once it holds 4,096 pages (16 MiB; SQLite's default is
  // 1,000): one document added to a large index dirties some 1,200 pages, and copying them back at
  // each commit (with an fsync, into a file of gigabytes) cost more than the document's own rows.
  db.pragma("wal_autocheckpoint = 4096");
}

/** Opens the database for reading and writing; a missing, foreign or older one is an error value. */
export function openIndexDb(indexDir: string): Result<Database.Database, DbError> {
  const path = join(indexDir, DB_FILE);
  if (!existsSync(path)) return err({ code: "index_missing", reason: `${path} not found` });
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    tune(db);
    const row = db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value: string } | undefined;
    if (row?.value !== assemblyFormat()) {
      db.close();
      return err({ code: "index_stale", reason: `${path}: format ${row?.value ?? "none"}, expected ${assemblyFormat()}` });
    }
    return ok(db);
  } catch (e) {
    db?.close();
    return err({ code: "index_corrupt", reason: `${path}: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Creates an empty database, replacing whatever was there. */
export function createIndexDb(indexDir: string): Database.Database {
  mkdirSync(indexDir, { recursive: true });
  const path = join(indexDir, DB_FILE);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  const db = new Database(path);
  tune(db);
  db.exec(SCHEMA);
  createSearchTables(db);
  db.prepare("INSERT INTO meta(key, value) VALUES('format', ?)").run(assemblyFormat());
  return db;
}

/** A document row as the build compares it with the corpus. */
export interface StoredDocument {
  readonly id: number;
  readonly key: string;
  readonly file: string;
  readonly artefactBytes: number;
}

/** Every stored document (no facts or chunks are read). */
export function storedDocuments(db: Database.Database): StoredDocument[] {
  return db.prepare("SELECT id, key, file, artefact_bytes AS artefactBytes FROM documents").all() as StoredDocument[];
}

/** Every stored rejection. */
export function storedRejections(db: Database.Database): { key: string; file: string; reason: string; artefactBytes: number }[] {
  return db.prepare("SELECT key, file, reason, artefact_bytes AS artefactBytes FROM rejected").all() as { key: string; file: string; reason: string; artefactBytes: number }[];
}

/** Records of every stored document with its current path. */
export function documentRecords(db: Database.Database): (StoredRecord & { readonly file: string })[] {
  const rows = db.prepare("SELECT file, record FROM documents ORDER BY file").all() as { file: string; record: string }[];
  return rows.map((r) => ({ ...(JSON.parse(r.record) as StoredRecord), file: r.file }));
}

/** Corpus files as last read (stamp and hash by file name), for reading only changed ones. */
export function knownSources(db: Database.Database): Map<string, KnownFile> {
  const rows = db.prepare("SELECT name, size, mtime_ns AS mtimeNs, ctime_ns AS ctimeNs, ino, sha256 FROM sources").all() as (FileStamp & { name: string; sha256: string })[];
  return new Map(rows.map((r) => [r.name, { stamp: { size: r.size, mtimeNs: r.mtimeNs, ctimeNs: r.ctimeNs, ino: r.ino }, sha256: r.sha256 }]));
}

/**
 * A file changed this close to its stamp being taken may change again under the same stamp (a
 * timestamp's granularity): its stamp is not kept, so it is read again next time.
 */
const SETTLED_NS = 2_000_000_000n;

/** Records the stamps of the corpus files just read (only rows that changed are written). */
export function recordSources(db: Database.Database, files: readonly { name: string; sha256: string }[], stamps: ReadonlyMap<string, FileStamp>, known: ReadonlyMap<string, KnownFile>): void {
  const now = BigInt(Date.now()) * 1_000_000n;
  const put = db.prepare("INSERT OR REPLACE INTO sources(name, size, mtime_ns, ctime_ns, ino, sha256) VALUES(?, ?, ?, ?, ?, ?)");
  const drop = db.prepare("DELETE FROM sources WHERE name = ?");
  db.transaction(() => {
    const seen = new Set<string>();
    for (const f of files) {
      const st = stamps.get(f.name);
      if (!st) continue;
      seen.add(f.name);
      const k = known.get(f.name);
      if (k && k.sha256 === f.sha256 && k.stamp.size === st.size && k.stamp.mtimeNs === st.mtimeNs && k.stamp.ctimeNs === st.ctimeNs && k.stamp.ino === st.ino) continue;
      const settled = BigInt(st.mtimeNs) + SETTLED_NS < now && BigInt(st.ctimeNs) + SETTLED_NS < now;
      if (settled) put.run(f.name, st.size, st.mtimeNs, st.ctimeNs, st.ino, f.sha256);
      else if (k) drop.run(f.name);
    }
    for (const name of known.keys()) if (!seen.has(name)) drop.run(name);
  })();
}

/** Records (with row id and path) of the documents sharing a department and year with any of `ids`. */
export function documentsNear(db: Database.Database, ids: readonly number[]): (StoredRecord & { readonly rowId: number; readonly file: string })[] {
  const who = db.prepare("SELECT department, year FROM documents WHERE id = ?");
  const near = db.prepare("SELECT id, file, record FROM documents WHERE department = ? AND year = ? ORDER BY file");
  const out = new Map<number, StoredRecord & { rowId: number; file: string }>();
  for (const id of ids) {
    const w = who.get(id) as { department: string; year: number } | undefined;
    if (!w) continue;
    for (const r of near.all(w.department, w.year) as { id: number; file: string; record: string }[]) out.set(r.id, { ...(JSON.parse(r.record) as StoredRecord), rowId: r.id, file: r.file });
  }
  return [...out.values()];
}

/** A label reduced for matching: NFKC, no spaces or quotes, lower case. */
export function plainLabel(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000“”"'‘’「」『』《》<>()（）]/g, "")
    .toLowerCase();
}

/** Character bigrams of a label (the label itself when shorter). */
export function labelBigrams(s: string): string[] {
  const p = [...plainLabel(s)];
  if (p.length < 2) return p.length === 1 ? [p.join("")] : [];
  return p.slice(1).map((ch, i) => `${p[i]}${ch}`);
}

// What lets a question naming no department find the departments that may state its figure:
// items, codes and the character pairs of every subject and row label.
function docTerms(o: Extract<Outcome, { kind: "document" }>): string[] {
  const terms = new Set<string>();
  for (const f of o.facts) {
    if (f.item !== null) terms.add(`item:${f.item}`);
    if (f.code !== null) terms.add(`code:${f.code}`);
    for (const b of labelBigrams(f.subject)) terms.add(`sb:${b}`);
    if (f.source.kind === "table") for (const b of labelBigrams(f.source.row)) terms.add(`sb:${b}`);
  }
  return [...terms];
}

/**
 * Adds one processed document (or a rejection) under its key and current path, returning the
 * document's row id (null for a rejection); `tier` "recent" puts
 * its term rows in the small recent tier (see search/_tables.ts), merged later by `mergeRecent`;
 * "batch" also leaves its term and word counts to `mergeRecent(db, true)`.
 */
export function insertOutcome(db: Database.Database, key: string, file: string, outcome: Outcome, info: ArtefactInfo, tier: PostingTier = "merged"): number | null {
  const recent = tier !== "merged";
  return db.transaction((): number | null => {
    if (outcome.kind === "rejected") {
      db.prepare("INSERT INTO rejected(key, file, reason, artefact_bytes) VALUES(?, ?, ?, ?)").run(key, file, outcome.reason, info.bytes);
      return null;
    }
    const r = outcome.record;
    const { lastInsertRowid } = db
      .prepare("INSERT INTO documents(key, file, department, year, artefact_sha, artefact_bytes, record) VALUES(?, ?, ?, ?, ?, ?, ?)")
      .run(key, file, r.department, r.year, info.sha256, info.bytes, JSON.stringify(r));
    const id = Number(lastInsertRowid);
    const facts = JSON.stringify(outcome.facts);
    db.prepare("INSERT INTO facts(doc, count, sha, data) VALUES(?, ?, ?, ?)").run(id, outcome.facts.length, sha256(facts), facts);
    const findings = JSON.stringify(outcome.findings);
    db.prepare("INSERT INTO findings(doc, sha, data) VALUES(?, ?, ?)").run(id, sha256(findings), findings);
    // Its answers to the headline asks (each canonical item named plainly): a ranking across
    // departments reads these (one row per department), not every department's facts.
    const headline = db.prepare("INSERT INTO headlines(ask, doc, sha, data) VALUES(?, ?, ?, ?)");
    for (const [key, ask] of headlineAsks()) {
      const sel = selectFigure(outcome.facts, { ...ask, department: r.department, year: r.year });
      if (sel === null) continue;
      const data = JSON.stringify({ sources: sel.sources, score: sel.score });
      headline.run(key, id, sha256(data), data);
    }
    const term = db.prepare(`INSERT INTO ${recent ? "doc_terms_recent" : "doc_terms"}(term, doc) VALUES(?, ?)`);
    for (const t of docTerms(outcome)) term.run(t, id);
    // The document's label words, described once here (typo repair reads their union): counted per
    // word, with the document's own list kept to subtract on removal (no row per word and document).
    const words = [...vocabularyOf([outcome.facts])];
    db.prepare("INSERT INTO doc_words(doc, data) VALUES(?, ?)").run(id, JSON.stringify(words));
    if (tier !== "batch") {
      const word = db.prepare("INSERT INTO vocabulary(word, docs) VALUES(?, 1) ON CONFLICT(word) DO UPDATE SET docs = docs + 1");
      for (const w of words) word.run(w);
    }
    addSearchDocument(db, id, { file, department: r.department, year: r.year, chunks: outcome.chunks, terms: outcome.terms }, tier);
    return id;
  })();
}

/** Number of stored documents. */
export function documentCount(db: Database.Database): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
}

/** Removes a document and everything derived from it; returns its chunk span (for the vectors). */
export function removeDocument(db: Database.Database, id: number): Span | null {
  return db.transaction(() => {
    const words = db.prepare("SELECT data FROM doc_words WHERE doc = ?").get(id) as { data: string } | undefined;
    const less = db.prepare("UPDATE vocabulary SET docs = docs - 1 WHERE word = ?");
    for (const w of words ? (JSON.parse(words.data) as string[]) : []) less.run(w);
    db.prepare("DELETE FROM vocabulary WHERE docs <= 0").run();
    for (const table of ["facts", "findings", "headlines", "doc_terms", "doc_terms_recent", "doc_words"]) db.prepare(`DELETE FROM ${table} WHERE doc = ?`).run(id);
    db.prepare("DELETE FROM documents WHERE id = ?").run(id);
    return removeSearchDocument(db, id);
  })();
}

/** Documents whose term rows are in the recent tier, and documents in all. */
export function recentTier(db: Database.Database): { recent: number; all: number } {
  return postingTiers(db);
}

/**
 * Moves the recent tier's rows (postings, document terms) into the merged tables. `batch`: the
 * tier holds only documents added as a batch (`insertOutcome` tier "batch"), whose term and word
 * counts are made here, each in one sorted pass.
 */
export function mergeRecent(db: Database.Database, batch = false): void {
  db.transaction(() => {
    if (batch) {
      db.exec(
        "INSERT INTO vocabulary(word, docs) SELECT w.value, COUNT(*) FROM doc_words d, json_each(d.data) w WHERE d.doc IN (SELECT id FROM search_docs WHERE recent = 1) GROUP BY w.value ORDER BY w.value ON CONFLICT(word) DO UPDATE SET docs = docs + excluded.docs",
      );
    }
    db.exec("INSERT INTO doc_terms(term, doc) SELECT term, doc FROM doc_terms_recent ORDER BY term, doc");
    db.exec("DELETE FROM doc_terms_recent");
    mergeRecentPostings(db, batch);
  })();
}

/** Records a file that is not used (with its artefact's size, so the plan keeps it as it is). */
export function insertRejection(db: Database.Database, key: string, file: string, reason: string, artefactBytes: number): void {
  db.prepare("INSERT OR REPLACE INTO rejected(key, file, reason, artefact_bytes) VALUES(?, ?, ?, ?)").run(key, file, reason, artefactBytes);
}

/** Removes a stored rejection. */
export function removeRejection(db: Database.Database, key: string): void {
  db.prepare("DELETE FROM rejected WHERE key = ?").run(key);
}

/** Records the new path of a document whose corpus directory moved (nothing is re-derived). */
export function moveDocument(db: Database.Database, id: number, file: string): void {
  db.transaction(() => {
    db.prepare("UPDATE documents SET file = ? WHERE id = ?").run(file, id);
    moveSearchDocument(db, id, file);
  })();
}

/**
 * Documents whose stored rows or artefact no longer match their recorded hashes, by artefact key
 * with the reason (reads and hashes everything stored: for an explicit build, not for answering).
 */
export function damagedDocuments(db: Database.Database, store: ArtefactStore): Map<string, string> {
  const out = new Map<string, string>();
  const rows = db
    .prepare("SELECT d.id AS id, d.key AS key, d.file AS file, d.artefact_sha AS artefactSha, f.sha AS factsSha, f.data AS facts, g.sha AS findingsSha, g.data AS findings FROM documents d LEFT JOIN facts f ON f.doc = d.id LEFT JOIN findings g ON g.doc = d.id")
    .all() as { id: number; key: string; file: string; artefactSha: string; factsSha: string | null; facts: string | null; findingsSha: string | null; findings: string | null }[];
  for (const r of rows) {
    const why =
      r.facts === null || sha256(r.facts) !== r.factsSha
        ? "facts"
        : r.findings === null || sha256(r.findings) !== r.findingsSha
          ? "findings"
          : damagedHeadlines(db, r.id) > 0
            ? "headlines"
            : damagedChunks(db, r.id) > 0
            ? "chunks"
            : store.digest(r.key) !== r.artefactSha
              ? "artefact"
              : null;
    if (why !== null) out.set(r.key, `${r.file}: ${why}`);
  }
  return out;
}

/** Headline rows of a document that no longer match their recorded hash. */
function damagedHeadlines(db: Database.Database, id: number): number {
  const rows = db.prepare("SELECT sha, data FROM headlines WHERE doc = ?").all(id) as { sha: string; data: string }[];
  return rows.filter((r) => sha256(r.data) !== r.sha).length;
}

/** Records the new path of a rejected file. */
export function moveRejection(db: Database.Database, key: string, file: string): void {
  db.prepare("UPDATE rejected SET file = ? WHERE key = ?").run(file, key);
}
