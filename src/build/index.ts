import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { Config } from "../config.js";
import { sha256 } from "../core/hash.js";
import { createLogger } from "../core/log.js";
import { err, ok, type Result } from "../core/result.js";
import { describeIssue, extractedTextPath, isPdf, readCorpus, type CorpusIssue, type KnownFile, type SourceFile } from "../corpus/index.js";
import { writeFileAtomic } from "../core/fs.js";
import { loadEmbedder, modelFingerprint, type Embedder } from "../embed/index.js";
import { openSearchIndex, searchGeneration, type DenseIndex, type SearchIndex } from "../search/index.js";
import { fileArtefactStore, type ArtefactStore } from "./_artefacts.js";
import { createIndexDb, damagedDocuments, documentRecords, knownSources, openIndexDb, recordSources, storedRejections } from "./_db.js";
import type { DocumentRecord, Rejected } from "./_documents.js";
import { factReader, type FactReader } from "./_facts.js";
import { artefactKey, pipelineFingerprint, stableJson } from "./_fingerprint.js";
import { lineReader } from "./_lines.js";
import { applyPlan, dropTruncatedCopies, planBuild, type BuildReport, type RecentTierLimit } from "./_plan.js";
import { dropVectors, EMBEDDING_CACHE, savedGeneration, savedVectors, syncVectors } from "./_vectors.js";

export type { DocumentRecord, Rejected } from "./_documents.js";
export { RECENT_TIER, type BuildReport, type RecentTierLimit } from "./_plan.js";
export type { FactReader } from "./_facts.js";
export type { ArtefactError, ArtefactInfo, ArtefactStore, DocArtefact, StoredArtefact } from "./_artefacts.js";
export { fileArtefactStore } from "./_artefacts.js";
export { indexStatus, type IndexStatus } from "./_status.js";

const log = createLogger("build");

/** Everything answering reads: small tables in memory, facts and chunks read from disk per question. */
export interface LoadedIndex {
  readonly documents: readonly DocumentRecord[];
  readonly rejected: readonly Rejected[];
  readonly facts: FactReader;
  readonly search: SearchIndex;
  /** Why semantic search is off, when it is known to be (a model that fails on first use says so then). */
  readonly modelProblem: string | null;
  /** Where the model comes from when vectors are in use, else null. */
  readonly modelSource: "local" | "hub" | null;
  /** A corpus line by cited path and 1-based number, read from the corpus file. */
  readLine(file: string, line: number): string | undefined;
  /** A corpus document's whole text by cited path (a PDF's as read from it). */
  readText(file: string): string | undefined;
  /** True when this call had to (re)build anything. */
  readonly rebuilt: boolean;
  /** What the build did, when it ran. */
  readonly report: BuildReport | null;
  /** Closes the database. */
  close(): void;
}

/** Why there is nothing to answer from. */
export type BuildError =
  | { readonly code: "corpus_invalid"; readonly message: string }
  | { readonly code: "corpus_empty"; readonly message: string };

/** Progress messages for people (stderr in the CLI). */
export type Progress = (msg: string) => void;

function modelState(config: Config): { key: string | null; problem: string | null } {
  if (config.modelSource === "off") return { key: null, problem: "语义检索已关闭 (semantic search disabled: JUESUAN_MODEL_SOURCE=off)" };
  const fp = modelFingerprint(config);
  if (fp === null) return { key: null, problem: "嵌入模型不可用 (embedding model unavailable); 请运行 `npm run model:fetch` (run `npm run model:fetch` to provision it)" };
  return { key: sha256(stableJson(fp)).slice(0, 16), problem: null };
}

/** Loads the embedder once, on first call; a failure is remembered and logged. */
function lazyEmbedder(config: Config): () => Promise<Embedder | null> {
  let p: Promise<Embedder | null> | null = null;
  return () => {
    p ??= loadEmbedder(config).then((r) => {
      if (r.ok) return r.value;
      log.warn(`语义检索关闭 semantic search off: ${r.error.reason}`);
      return null;
    });
    return p;
  };
}

function openOrCreate(config: Config, force: boolean, progress: Progress): Database.Database {
  if (!force) {
    const opened = openIndexDb(config.indexDir);
    if (opened.ok) return opened.value;
    if (opened.error.code !== "index_missing") progress(`重新组装索引 re-assembling the index (${opened.error.code}: ${opened.error.reason})`);
  }
  return createIndexDb(config.indexDir);
}

const UNUSABLE = new Set(["not_utf8", "empty_file", "pdf_no_text", "pdf_unreadable"]);

function unreadable(issues: readonly CorpusIssue[]): Rejected[] {
  return issues.filter((i) => UNUSABLE.has(i.code)).map((i) => ({ file: i.file, reason: `${i.code}: ${describeIssue(i).replace(/^[^:]*: /, "")}` }));
}

/**
 * The text read from each PDF is kept beside the index, so that every cited line can be opened (a
 * PDF unchanged since the last build keeps the text written then).
 */
function keepExtractedText(indexDir: string, files: readonly SourceFile[], known: ReadonlyMap<string, KnownFile>): void {
  for (const f of files) {
    if (!isPdf(f.name)) continue;
    const path = extractedTextPath(indexDir, f.name);
    if (known.get(f.name)?.sha256 === f.sha256 && existsSync(path)) continue;
    let same = false;
    try {
      same = readFileSync(path, "utf8") === f.text;
    } catch {
      same = false;
    }
    if (!same) writeFileAtomic(path, f.text);
  }
}

/** The build's counted stages: documents processed, chunks placed in the vector graph. */
export type BuildStage = "parse" | "embed";

/** Counted progress of a stage (a progress bar on a terminal). */
export type StepProgress = (stage: BuildStage, done: number, total: number) => void;

/** How to bring the index up to date. */
export interface EnsureIndexOptions {
  readonly onProgress?: Progress;
  readonly onStep?: StepProgress;
  /** Re-assemble the database from the per-document artefacts. */
  readonly force?: boolean;
  /**
   * Check every stored document against its recorded hashes (facts, findings, chunks, artefact
   * bytes) and re-assemble the damaged ones; answering checks each row when it reads it anyway.
   */
  readonly verify?: boolean;
  /** Do not report a missing model (the caller already said why, in its own words). */
  readonly quietModel?: boolean;
  /** Another embedding model than the configured one (tests): its key names its vectors. */
  readonly model?: { readonly key: string; readonly load: () => Promise<Embedder | null> };
  /** How many documents the recent tier of the term tables may hold before a merge (default `RECENT_TIER`). */
  readonly recentTier?: RecentTierLimit;
  /** The embedding cache file (default: `embeddings.db` in the model directory, shared by every index). */
  readonly embeddingCache?: string;
}

/**
 * Brings the index up to date with the configured corpus and loads it. Only documents that are new
 * or changed (or whose artefact is missing or damaged) go through the pipeline; removed ones are
 * dropped; a moved corpus only has its paths updated. The embedding model is loaded only when a
 * text has no cached vector. `force` re-assembles the database from the artefacts. The only writer
 * of `index/`.
 */
export async function ensureIndex(config: Config, opts: EnsureIndexOptions = {}): Promise<Result<LoadedIndex, BuildError>> {
  const progress: Progress = opts.onProgress ?? ((m) => log.info(m));
  const db = openOrCreate(config, opts.force === true, progress);
  // Unchanged files (by stat) are not read again, except for an integrity check, which re-hashes all.
  const known = opts.verify ? new Map<string, KnownFile>() : knownSources(db);
  const corpus = readCorpus(config.corpusDir, { known: (name) => known.get(name) });
  if (!corpus.ok) {
    db.close();
    return err({ code: "corpus_invalid", message: `${corpus.error.file}: ${corpus.error.code}${"issues" in corpus.error ? ` ${corpus.error.issues.join("; ")}` : ""}` });
  }
  for (const i of corpus.value.issues) progress(`注意 note: ${describeIssue(i)}`);
  const files = corpus.value.files;
  if (files.length === 0) {
    db.close();
    return err({ code: "corpus_empty", message: `语料目录中没有可用的 .txt 决算公开文件 (no usable .txt disclosures in ${config.corpusDir})` });
  }
  keepExtractedText(config.indexDir, files, known);
  recordSources(db, files, corpus.value.stamps ?? new Map(), known);
  const pipeline = pipelineFingerprint();
  const store: ArtefactStore = fileArtefactStore(config.indexDir, pipeline);
  const model = opts.model ? { key: opts.model.key, problem: null } : modelState(config);
  const embedder = opts.model ? opts.model.load : lazyEmbedder(config);
  let report: BuildReport | null = null;
  let dense: DenseIndex | (() => DenseIndex | null) | null = model.key !== null ? savedVectors(config.indexDir, db, model.key) : null;
  const keyed = files.map((f) => ({ file: f, key: artefactKey(f, pipeline) }));
  const damaged = opts.verify ? damagedDocuments(db, store) : new Map<string, string>();
  for (const why of damaged.values()) progress(`索引未通过完整性校验，重新组装 the index failed its integrity check, re-assembling ${why}`);
  const plan = planBuild(db, store, keyed, pipeline, new Set(damaged.keys()));
  const vectorsStale = model.key !== null && dense === null;
  if (plan.changed || vectorsStale) {
    const started = Date.now();
    if (model.problem && !opts.quietModel) progress(`语义检索关闭 semantic search off: ${model.problem}`);
    const before = model.key !== null ? savedGeneration(config.indexDir, model.key) : null;
    const fresh = before !== null && before === searchGeneration(db);
    report = await applyPlan(db, store, plan, progress, opts.onStep, opts.recentTier);
    if (report.addedIds.length > 0) report = { ...report, removedSpans: [...report.removedSpans, ...dropTruncatedCopies(db, store, keyed, report.addedIds, progress)] };
    if (model.key !== null) {
      let last = -1;
      const v = await syncVectors({
        indexDir: config.indexDir,
        cache: opts.embeddingCache ?? join(config.modelDir, EMBEDDING_CACHE),
        db,
        model: model.key,
        embedder,
        changes: { before: fresh ? before : null, removed: report.removedSpans, added: report.addedIds },
        onProgress: (done, total) => {
          opts.onStep?.("embed", done, total);
          const pct = Math.floor((100 * done) / Math.max(total, 1));
          if (pct >= last + 10 || done === total) {
            last = pct;
            progress(`  向量 vectors ${done}/${total}`);
          }
        },
      });
      dense = v.dense;
      report = { ...report, embedded: v.embedded, cachedVectors: v.cached };
      if (v.problem) progress(`语义检索关闭 semantic search off: ${v.problem}`);
    } else {
      dropVectors(config.indexDir);
    }
    db.prepare("INSERT INTO meta(key, value) VALUES('built_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(new Date().toISOString());
    const pruned = store.prune();
    // The whole-corpus files of the previous index layout.
    for (const old of ["facts.json", "documents.json", "search"]) rmSync(join(config.indexDir, old), { recursive: true, force: true });
    report = { ...report, seconds: (Date.now() - started) / 1000 };
    progress(
      `索引已更新 index updated in ${report.seconds.toFixed(1)} s: ${report.reused} reused · ${report.parsed} parsed · ${report.fromArtefacts} from artefacts · ${report.removed} removed · ${report.moved} moved · ${report.embedded} embedded (${report.cachedVectors} cached)${pruned ? ` · ${pruned} old artefact sets pruned` : ""}`,
    );
  }
  const search = openSearchIndex(db, { dense, embedder: dense !== null ? embedder : null });
  const documents: DocumentRecord[] = documentRecords(db);
  const rejected: Rejected[] = [...unreadable(corpus.value.issues), ...storedRejections(db).map((r) => ({ file: r.file, reason: r.reason }))];
  return ok({
    documents,
    rejected,
    facts: factReader(db),
    search,
    modelProblem: model.problem,
    modelSource: search.semantic && config.modelSource !== "off" ? config.modelSource : null,
    ...lineReader(files, config.indexDir),
    rebuilt: report !== null,
    report,
    close: () => db.close(),
  });
}
