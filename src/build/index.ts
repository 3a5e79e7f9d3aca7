import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.js";
import { checkSeal, sealArtefacts } from "../core/integrity.js";
import { createLogger } from "../core/log.js";
import { err, ok, type Result } from "../core/result.js";
import { describeIssue, extractedTextPath, readCorpus, truncatedCopies, type SourceFile } from "../corpus/index.js";
import { writeFileAtomic } from "../core/fs.js";
import { identifyDocument } from "../corpus/identity.js";
import { CHUNKER_VERSION, chunkDisclosure, type Chunk } from "../chunk/index.js";
import { loadEmbedder, modelFingerprint, type Embedder } from "../embed/index.js";
import { extractFacts, FACT_STORE_FORMAT, loadFactStore, saveFactStore, type FactStore } from "../facts/index.js";
import type { Fact } from "../facts/types.js";
import { parseDisclosure } from "../parse/index.js";
import type { Disclosure } from "../parse/types.js";
import { buildSearchIndex, loadSearchIndex, saveSearchIndex, SEARCH_DIR, type SearchIndex } from "../search/index.js";
import { verifyFacts } from "../verify/index.js";
import { DOCUMENTS_FORMAT, loadDocuments, saveDocuments, type DocumentRecord, type Rejected } from "./_documents.js";

export type { DocumentRecord, Rejected } from "./_documents.js";
export { indexStatus, type IndexStatus } from "./_status.js";

const log = createLogger("build");

/** Everything answering reads, loaded once and read-only. */
export interface LoadedIndex {
  readonly documents: readonly DocumentRecord[];
  readonly rejected: readonly Rejected[];
  readonly store: FactStore;
  readonly search: SearchIndex;
  readonly embedder: Embedder | null;
  /** Why semantic search is off, when it is. */
  readonly modelProblem: string | null;
  /** Corpus lines by cited file path, for quotes. */
  readonly lines: ReadonlyMap<string, readonly string[]>;
  /** True when this call had to (re)build the index. */
  readonly rebuilt: boolean;
}

/** Why there is nothing to answer from. */
export type BuildError =
  | { readonly code: "corpus_invalid"; readonly message: string }
  | { readonly code: "corpus_empty"; readonly message: string };

/** Progress messages for people (stderr in the CLI). */
export type Progress = (msg: string) => void;

/** The build's counted stages: documents parsed, chunks embedded. */
export type BuildStage = "parse" | "embed";

/** Counted progress of a stage (a progress bar on a terminal). */
export type StepProgress = (stage: BuildStage, done: number, total: number) => void;

/** Options of `ensureIndex`. */
export interface EnsureIndexOptions {
  readonly onProgress?: Progress;
  readonly onStep?: StepProgress;
  /** Rebuild even when the saved index is fresh and intact. */
  readonly force?: boolean;
  /** Do not report a missing model (the caller already said why, in its own words). */
  readonly quietModel?: boolean;
}

// Artefacts every index has (vectors.hnsw only when built with the model); all are sealed.
const REQUIRED_ARTEFACTS = ["documents.json", "facts.json", `${SEARCH_DIR}/manifest.json`, `${SEARCH_DIR}/chunks.json`, `${SEARCH_DIR}/bm25.json`] as const;

/** Every artefact file under the index directory that the build wrote, relative to it. */
function artefactsIn(dir: string): string[] {
  const search = join(dir, SEARCH_DIR);
  const inSearch = existsSync(search) ? readdirSync(search).filter((n) => !n.startsWith(".")).map((n) => `${SEARCH_DIR}/${n}`) : [];
  return ["documents.json", "facts.json", ...inSearch.sort()];
}

interface Built {
  readonly documents: DocumentRecord[];
  readonly rejected: Rejected[];
  readonly store: FactStore;
  readonly search: SearchIndex;
}

async function build(config: Config, files: readonly SourceFile[], rejected0: readonly Rejected[], embedder: Embedder | null, progress: Progress, step: StepProgress): Promise<Built> {
  const started = Date.now();
  const rejected: Rejected[] = [...rejected0];
  const documents: DocumentRecord[] = [];
  const parsed: Disclosure[] = [];
  let facts: Fact[] = [];
  const chunks: Chunk[] = [];
  // A truncated copy of another document (same body, year and type) is used once: the longer one.
  const keys = files.map((f) => {
    const p = parseDisclosure(f);
    const id = p.ok ? identifyDocument(p.value.meta, f.entry, f.name) : null;
    return { file: f.path, key: id && id.year !== null ? `${id.department}|${id.year}|${id.type ?? ""}` : null, text: f.text };
  });
  const copies = new Set<string>();
  for (const issue of truncatedCopies(keys)) {
    copies.add(issue.file);
    progress(`  注意 note: ${describeIssue(issue)}`);
  }
  step("parse", 0, files.length);
  for (const [i, f] of files.entries()) {
    // Yield between documents so a signal (Ctrl-C) is handled during a long parse.
    await new Promise((r) => setImmediate(r));
    step("parse", i, files.length);
    if (copies.has(f.path)) continue;
    // The text read from a PDF is kept beside the index, so that every cited line can be opened.
    if (f.pages) writeFileAtomic(extractedTextPath(config.indexDir, f.name), f.text);
    const p = parseDisclosure(f);
    if (!p.ok) {
      const reason = "reason" in p.error ? p.error.reason : p.error.code;
      rejected.push({ file: f.path, reason: `${p.error.code}: ${reason}` });
      progress(`  跳过 skip ${f.path}: ${reason}`);
      continue;
    }
    const d = p.value;
    const id = identifyDocument(d.meta, f.entry, f.name);
    if (id.year === null) {
      rejected.push({ file: f.path, reason: "year_unknown: 无法从文件或清单确定年度 (no year in the text or the manifest)" });
      progress(`  跳过 skip ${f.path}: 无法确定年度 (year unknown)`);
      continue;
    }
    const who = { department: id.department, year: id.year };
    const docFacts = extractFacts(d, who);
    facts = facts.concat(docFacts);
    chunks.push(...chunkDisclosure(d, who));
    parsed.push(d);
    for (const m of id.mismatches) progress(`  注意 note ${f.path}: ${m}`);
    documents.push({
      id: d.id,
      file: f.path,
      name: f.name,
      sha256: f.sha256,
      department: id.department,
      aliases: id.aliases,
      year: id.year,
      type: id.type,
      region: id.region,
      title: d.meta.title,
      mismatches: id.mismatches,
      tables: d.tables.length,
      facts: docFacts.length,
    });
    progress(`  解析 parsed ${f.path}: ${id.department} ${id.year} · ${d.tables.length} 表 tables · ${docFacts.length} 条数字 facts`);
  }
  step("parse", files.length, files.length);
  const verified = verifyFacts(facts, parsed);
  const corpus = files.map((f) => ({ file: f.path, sha256: f.sha256 }));
  const store: FactStore = { formatVersion: FACT_STORE_FORMAT, builtAt: new Date().toISOString(), corpus, facts: verified.facts, findings: verified.findings };
  progress(`  核验 verified ${verified.facts.length} facts, ${verified.findings.length} findings`);
  progress(`  嵌入 embedding ${chunks.length} chunks${embedder ? "" : " (语义检索关闭 semantic search off: keyword only)"}`);
  if (embedder) step("embed", 0, chunks.length);
  const search = await buildSearchIndex(chunks, embedder, (done, total) => step("embed", done, total));
  mkdirSync(config.indexDir, { recursive: true });
  saveFactStore(config.indexDir, store);
  saveSearchIndex(config.indexDir, search, { corpus, model: embedder ? modelFingerprint(config) : null, chunkerVersion: CHUNKER_VERSION });
  saveDocuments(config.indexDir, { formatVersion: DOCUMENTS_FORMAT, corpus, documents: documents.map((d) => ({ ...d, aliases: [...d.aliases], mismatches: [...d.mismatches] })), rejected });
  // Last: an index is only trusted once every artefact it names is in place and hashed.
  sealArtefacts(config.indexDir, artefactsIn(config.indexDir));
  progress(`索引已建好 index built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${config.indexDir}`);
  return { documents, rejected, store, search };
}

/**
 * Loads the index for the configured corpus, building it first when it is missing, stale or
 * corrupt (with progress). The only writer of `index/`.
 */
export async function ensureIndex(config: Config, opts: EnsureIndexOptions = {}): Promise<Result<LoadedIndex, BuildError>> {
  const progress: Progress = opts.onProgress ?? ((m) => log.info(m));
  const step: StepProgress = opts.onStep ?? (() => undefined);
  const corpus = readCorpus(config.corpusDir);
  if (!corpus.ok) return err({ code: "corpus_invalid", message: `${corpus.error.file}: ${corpus.error.code}${"issues" in corpus.error ? ` ${corpus.error.issues.join("; ")}` : ""}` });
  const unusable = new Set(["not_utf8", "empty_file", "pdf_no_text", "pdf_unreadable"]);
  const rejected: Rejected[] = corpus.value.issues
    .filter((i) => unusable.has(i.code))
    .map((i) => ({ file: i.file, reason: `${i.code}: ${describeIssue(i).replace(/^[^:]*: /, "")}` }));
  for (const i of corpus.value.issues) progress(`注意 note: ${describeIssue(i)}`);
  const files = corpus.value.files;
  if (files.length === 0) return err({ code: "corpus_empty", message: `语料目录中没有可用的 .txt 决算公开文件 (no usable .txt disclosures in ${config.corpusDir})` });

  const emb = await loadEmbedder(config);
  const embedder = emb.ok ? emb.value : null;
  const modelProblem = emb.ok ? null : emb.error.reason;
  if (modelProblem && !opts.quietModel) progress(`语义检索关闭 semantic search off: ${modelProblem}`);

  const expected = files.map((f) => ({ file: f.path, sha256: f.sha256 }));
  const lines = new Map(files.map((f) => [f.path, f.text.split(/\r?\n/)] as const));
  const sealed = opts.force ? null : checkSeal(config.indexDir, REQUIRED_ARTEFACTS);
  if (sealed !== null && !sealed.ok) {
    const e = sealed.error;
    progress(
      e.code === "index_missing"
        ? `正在建立索引 building the index (${e.code}: ${e.reason})`
        : `索引未通过完整性校验，正在重建 the index failed its integrity check, rebuilding (${e.code}: ${e.reason})`,
    );
  } else if (sealed !== null) {
    const docs = loadDocuments(config.indexDir, expected);
    const store = docs.ok ? loadFactStore(config.indexDir, expected) : docs;
    const search = store.ok ? loadSearchIndex(config.indexDir, { corpus: expected, model: embedder ? modelFingerprint(config) : null, chunkerVersion: CHUNKER_VERSION }, embedder) : store;
    if (docs.ok && store.ok && search.ok) {
      return ok({ documents: docs.value.documents, rejected: docs.value.rejected, store: store.value, search: search.value, embedder, modelProblem, lines, rebuilt: false });
    }
    const why = !docs.ok ? docs.error : !store.ok ? store.error : !search.ok ? search.error : null;
    if (why) progress(`正在建立索引 building the index (${why.code}: ${why.reason})`);
  } else {
    progress("正在重建索引 rebuilding the index");
  }
  const built = await build(config, files, rejected, embedder, progress, step);
  return ok({ ...built, embedder, modelProblem, lines, rebuilt: true });
}
