/**
 * The incremental build: compares the corpus (by artefact key) with what the database holds, then
 * removes, moves and adds documents one transaction each. A new document's artefact is reused when
 * present and sound; otherwise the document goes through the pipeline.
 */
import type Database from "better-sqlite3";
import { describeIssue, truncatedCopies, type SourceFile } from "../corpus/index.js";
import type { Span } from "../search/index.js";
import type { ArtefactStore } from "./_artefacts.js";
import { ARTEFACT_FORMAT } from "./_fingerprint.js";
import { documentCount, documentsNear, insertOutcome, insertRejection, mergeRecent, moveDocument, moveRejection, recentTier, removeDocument, removeRejection, storedDocuments, storedRejections } from "./_db.js";
import { processDocument } from "./_process.js";

/** A corpus file with its artefact key. */
export interface KeyedFile {
  readonly file: SourceFile;
  readonly key: string;
}

/** What a build must do. */
export interface BuildPlan {
  readonly pipeline: string;
  /** Stored entries (documents by id, rejections by key) no longer in the corpus, or to redo. */
  readonly remove: readonly { readonly id: number | null; readonly key: string }[];
  readonly move: readonly { readonly id: number | null; readonly key: string; readonly file: string }[];
  readonly add: readonly KeyedFile[];
  readonly kept: number;
  readonly changed: boolean;
}

/** What a build did, per stage. */
export interface BuildReport {
  /** Documents already in the index, untouched (moved ones included). */
  readonly reused: number;
  /** Documents run through the pipeline (parse → facts → chunks). */
  readonly parsed: number;
  /** Documents added from their stored artefact without parsing. */
  readonly fromArtefacts: number;
  readonly removed: number;
  /** Documents whose path changed (corpus moved or renamed), nothing re-derived. */
  readonly moved: number;
  readonly rejected: number;
  /** Chunk texts embedded by the model, and vectors taken from the cache. */
  readonly embedded: number;
  readonly cachedVectors: number;
  readonly seconds: number;
  readonly removedSpans: readonly Span[];
  readonly addedIds: readonly number[];
}

/**
 * Compares the corpus with the database; a document whose artefact is missing or of another size,
 * or that is in `redo` (found damaged), is removed and added again.
 */
export function planBuild(db: Database.Database, store: ArtefactStore, files: readonly KeyedFile[], pipeline: string, redo: ReadonlySet<string> = new Set()): BuildPlan {
  const docs = new Map(storedDocuments(db).map((d) => [d.key, d]));
  const rejections = new Map(storedRejections(db).map((r) => [r.key, r]));
  const remove: { id: number | null; key: string }[] = [];
  const move: { id: number | null; key: string; file: string }[] = [];
  const add: KeyedFile[] = [];
  let kept = 0;
  const seen = new Set<string>();
  for (const f of files) {
    seen.add(f.key);
    const stored = docs.get(f.key) ?? rejections.get(f.key);
    if (stored === undefined) {
      add.push(f);
      continue;
    }
    const id = "id" in stored ? stored.id : null;
    // The artefact is what the database row was assembled from: gone or cut short, it is redone.
    if (redo.has(f.key) || store.size(f.key) !== stored.artefactBytes) {
      remove.push({ id, key: f.key });
      add.push(f);
      continue;
    }
    kept++;
    if (stored.file !== f.file.path) move.push({ id, key: f.key, file: f.file.path });
  }
  for (const [key, d] of docs) if (!seen.has(key)) remove.push({ id: d.id, key });
  for (const key of rejections.keys()) if (!seen.has(key)) remove.push({ id: null, key });
  return { pipeline, remove, move, add, kept, changed: remove.length + move.length + add.length > 0 };
}

/**
 * A build adding few documents against what the index holds writes their term rows to the recent
 * tier (cost of the document alone); the tier is merged once it holds more than
 * 16 + 1/8 × all documents, so the merged tables take new documents in
 * batches, one sorted pass each. A build adding many (the first one) writes to the merged tables.
 */
export const RECENT_TIER: RecentTierLimit = { minDocs: 16, share: 1 / 8 };

/** How many documents the recent tier may hold: `minDocs` + `share` × all documents. */
export interface RecentTierLimit {
  readonly minDocs: number;
  readonly share: number;
}

/**
 * Documents added together (to the merged tables) go in batches of this many, one transaction
 * each: their term rows are written to the small recent tier and merged into the large tables in
 * one sorted pass before the commit. Written straight to the merged tables and committed one by
 * one, each document's thousands of postings dirtied thousands of pages of the large B-trees and
 * the commit rewrote them (rebuilding 100 documents from their artefacts: 51 s → 21 s → …).
 */
const BULK_BATCH = 64;

function recentLimit(all: number, limit: RecentTierLimit): number {
  return limit.minDocs + Math.floor(limit.share * all);
}

/** Carries out a plan; progress names each document processed. */
export async function applyPlan(
  db: Database.Database,
  store: ArtefactStore,
  plan: BuildPlan,
  progress: (msg: string) => void,
  step?: (stage: "parse", done: number, total: number) => void,
  limit: RecentTierLimit = RECENT_TIER,
): Promise<BuildReport> {
  const removedSpans: Span[] = [];
  let removed = 0;
  const redo = new Set(plan.add.map((a) => a.key));
  for (const r of plan.remove) {
    if (r.id === null) removeRejection(db, r.key);
    else {
      const span = removeDocument(db, r.id);
      if (span) removedSpans.push(span);
    }
    if (!redo.has(r.key)) removed++;
  }
  for (const m of plan.move) {
    if (m.id === null) moveRejection(db, m.key, m.file);
    else moveDocument(db, m.id, m.file);
  }
  let parsed = 0;
  let fromArtefacts = 0;
  let rejected = 0;
  const recent = plan.add.length <= recentLimit(documentCount(db), limit);
  const addedIds: number[] = [];
  // A batch's counts are made from the recent tier: it must hold the batch alone.
  if (!recent && recentTier(db).recent > 0) mergeRecent(db);
  let pending = 0;
  const commit = (): void => {
    if (!db.inTransaction) return;
    if (pending > 0) mergeRecent(db, true);
    db.exec("COMMIT");
    pending = 0;
  };
  try {
    for (const [i, { file, key }] of plan.add.entries()) {
      // Yield between documents so a signal (Ctrl-C) is handled during a long build.
      await new Promise((r) => setImmediate(r));
      step?.("parse", i, plan.add.length);
      const loaded = store.load(key);
      let outcome;
      let info;
      if (loaded.ok) {
        outcome = loaded.value.artefact.outcome;
        info = loaded.value.info;
        fromArtefacts++;
      } else {
        outcome = processDocument(file);
        info = store.save({ formatVersion: ARTEFACT_FORMAT, key, pipeline: plan.pipeline, source: { sha256: file.sha256, name: file.name }, outcome });
        parsed++;
      }
      if (!recent && !db.inTransaction) db.exec("BEGIN");
      const id = insertOutcome(db, key, file.path, outcome, info, recent ? "recent" : "batch");
      if (id !== null) addedIds.push(id);
      if (!recent && ++pending >= BULK_BATCH) commit();
      const n = `[${i + 1}/${plan.add.length}]`;
      if (outcome.kind === "rejected") {
        rejected++;
        progress(`  跳过 skip ${n} ${file.path}: ${outcome.reason}`);
      } else {
        for (const m of outcome.record.mismatches) progress(`  注意 note ${file.path}: ${m}`);
        const how = loaded.ok ? "复用 reused artefact" : "解析 parsed";
        progress(`  ${how} ${n} ${file.path}: ${outcome.record.department} ${outcome.record.year} · ${outcome.record.tables} 表 tables · ${outcome.facts.length} 条数字 facts · ${outcome.chunks.length} chunks`);
      }
    }
  } finally {
    // What was added so far is kept, whatever stopped the build (each document is whole).
    commit();
  }
  if (plan.add.length > 0) step?.("parse", plan.add.length, plan.add.length);
  const tiers = recentTier(db);
  if (tiers.recent > recentLimit(tiers.all, limit)) {
    const t = Date.now();
    mergeRecent(db);
    progress(`  合并 merged the ${tiers.recent} recently added documents' terms into the index in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return {
    reused: plan.kept,
    parsed,
    fromArtefacts,
    removed,
    moved: plan.move.length,
    rejected,
    embedded: 0,
    cachedVectors: 0,
    seconds: 0,
    removedSpans,
    addedIds,
  };
}

/**
 * A truncated copy of another document (same body, year and type; every line of it in the other)
 * is used once, the longer: the copy is dropped from the index and kept as a rejection naming the
 * original. Only the groups of the documents just added are compared (their department-year read
 * through its index), so the check costs those documents, not the archive. Returns the dropped
 * documents' chunk spans (for the vectors).
 */
export function dropTruncatedCopies(db: Database.Database, store: ArtefactStore, files: readonly KeyedFile[], added: readonly number[], progress: (msg: string) => void): Span[] {
  const byPath = new Map(files.map((f) => [f.file.path, f] as const));
  const records = documentsNear(db, added);
  const keys = records.map((r) => ({ file: r.file, key: `${r.department}|${r.year}|${r.type ?? ""}` }));
  const shared = new Set<string>();
  const seen = new Set<string>();
  for (const k of keys) (seen.has(k.key) ? shared : seen).add(k.key);
  const group = keys.filter((k) => shared.has(k.key)).map((k) => ({ ...k, text: byPath.get(k.file)?.file.text ?? "" }));
  const stored = new Map(records.map((d) => [d.file, d] as const));
  const spans: Span[] = [];
  for (const issue of truncatedCopies(group)) {
    const doc = stored.get(issue.file);
    const f = byPath.get(issue.file);
    if (!doc || !f) continue;
    progress(`  注意 note: ${describeIssue(issue)}`);
    const span = removeDocument(db, doc.rowId);
    if (span) spans.push(span);
    insertRejection(db, f.key, f.file.path, `duplicate: ${describeIssue(issue).replace(/^[^:]*: /, "")}`, store.size(f.key) ?? 0);
  }
  return spans;
}
