import Database from "better-sqlite3";
import type { Chunk } from "../chunk/index.js";
import { sha256 } from "../core/hash.js";
import { createLogger } from "../core/log.js";
import type { Embedder } from "../embed/index.js";
import { addVectors, createDense, searchDense, storeDocVectors, type DenseIndex } from "./_dense.js";
import { corpusOrder, loadDocs, namesInQuery, resolveScope, type ChunkScope, type Docs, type DocView } from "./_docs.js";
import { DENSE_WEIGHT, fuseRrf, RRF_K } from "./_fusion.js";
import { expansionTerms } from "./_expand.js";
import { BIGRAM_WEIGHT, chunkTerms, IDENTITY_WEIGHT, searchKeyword, stripDepartments } from "./_keyword.js";
import { addSearchDocument, createSearchTables } from "./_tables.js";
import { normalize } from "./_tokenize.js";

export { BIGRAM_WEIGHT, IDENTITY_WEIGHT, chunkTerms } from "./_keyword.js";
export { DENSE_WEIGHT, fuseRrf, RRF_K, type Fused, type Ranked } from "./_fusion.js";
export { BUDGET_TERMS, tagWords, tokenize, type TaggedWord } from "./_tokenize.js";
export type { ChunkScope } from "./_docs.js";
export {
  addSearchDocument,
  createSearchTables,
  damagedChunks,
  isProse,
  mergeRecentPostings,
  moveSearchDocument,
  postingTiers,
  removeSearchDocument,
  searchGeneration,
  type ChunkTerms,
  type PostingTier,
  type Span,
} from "./_tables.js";
export { addVectors, createDense, deleteLabels, readDense, storeDocVectors, writeDense, type DenseIndex } from "./_dense.js";

/** An embedder, or how to get one on first need (the model loads only when a query needs it). */
export type EmbedderSource = Embedder | (() => Promise<Embedder | null>);

/** The parts behind a search index; reach them only through this module's functions. */
export interface SearchParts {
  readonly db: Database.Database;
  readonly docs: Docs;
  /** The vector graph, or how to read it on first need. */
  dense: DenseIndex | (() => DenseIndex | null) | null;
  readonly embedder: EmbedderSource | null;
  /** The resolved embedder once asked for (null: none could be had). */
  resolved: Promise<Embedder | null> | null;
  /** Query vectors by query text (small LRU: insertion order, refreshed on hit). */
  readonly queryCache: Map<string, Float32Array>;
}

/** Chunks with their keyword postings (on disk) and, when a model made them, their vectors. */
export interface SearchIndex {
  /** False when there are no vectors or no model: every search is keyword-only. */
  readonly semantic: boolean;
  readonly parts: SearchParts;
}

/** One ranked passage: the fused score and each ranking's own score (null when it did not rank it). */
export interface SearchHit {
  readonly chunk: Chunk;
  readonly score: number;
  /** Cosine similarity to the query. */
  readonly dense: number | null;
  /** BM25 score (words + weighted bigrams). */
  readonly keyword: number | null;
}

/** How to search; the tuning knobs default to the benchmarked values. */
export interface SearchOptions {
  /** Hits to return (default 5). */
  readonly k?: number;
  /** Default "hybrid"; without a model every mode runs as "keyword". */
  readonly mode?: "hybrid" | "dense" | "keyword";
  /** Only chunks inside this scope are returned (departments, year, prose only). */
  readonly filter?: ChunkScope;
  /** Prefix BGE's retrieval instruction to the query (default `QUERY_INSTRUCTION_DEFAULT`). */
  readonly instruction?: boolean;
  readonly rrfK?: number;
  /** Weight of the dense ranking in the fusion, keyword being 1 (default `DENSE_WEIGHT`). */
  readonly denseWeight?: number;
  readonly bigramWeight?: number;
  readonly identityWeight?: number;
  /** Append document terms for citizen words and English phrases from the item vocabulary (default true). */
  readonly expand?: boolean;
  /** Candidates taken from each ranking before fusion (default max(50, 4k)). */
  readonly depth?: number;
  /** Keyword postings that cannot change the result are skipped (default true; false reads all). */
  readonly prune?: boolean;
}

/** BGE's query instruction for short-query → passage retrieval (../shared/MODEL.md). */
export const QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
/** Whether queries get the instruction unless told otherwise; chosen by the retrieval benchmark. */
export const QUERY_INSTRUCTION_DEFAULT = false;
const QUERY_CACHE_SIZE = 128;
/** Texts per progress report while embedding chunks. */
const EMBED_STEP = 64;

/** A search index over the search tables of `db`, with an optional vector graph over the same labels. */
export function openSearchIndex(
  db: Database.Database,
  opts: { dense: DenseIndex | (() => DenseIndex | null) | null; embedder: EmbedderSource | null },
): SearchIndex {
  const semantic = opts.dense !== null && opts.embedder !== null;
  // The document view is read on the first search: a process that answers figures never needs it.
  let docs: Docs | null = null;
  return {
    semantic,
    parts: {
      db,
      get docs(): Docs {
        docs ??= loadDocs(db);
        return docs;
      },
      dense: semantic ? opts.dense : null,
      embedder: semantic ? opts.embedder : null,
      resolved: null,
      queryCache: new Map(),
    },
  };
}

/**
 * Indexes chunks in memory (an in-memory database; tests and benchmarks) and, given an embedder,
 * embeds them into an HNSW graph; `onProgress(done, total)` follows the embedding.
 */
export async function buildSearchIndex(
  chunks: readonly Chunk[],
  embedder: Embedder | null,
  onProgress?: (done: number, total: number) => void,
): Promise<SearchIndex> {
  const db = new Database(":memory:");
  createSearchTables(db);
  const byDoc = new Map<string, Chunk[]>();
  for (const c of chunks) {
    const list = byDoc.get(c.doc);
    if (list) list.push(c);
    else byDoc.set(c.doc, [c]);
  }
  const ordered: Chunk[] = [];
  let id = 0;
  db.transaction(() => {
    for (const list of byDoc.values()) {
      const first = list[0] as Chunk;
      addSearchDocument(db, ++id, { file: first.file, department: first.department, year: first.year, chunks: list, terms: list.map(chunkTerms) });
      ordered.push(...list);
    }
  })();
  let dense: DenseIndex | null = null;
  if (embedder !== null) {
    dense = createDense(embedder.dim, ordered.length);
    for (let i = 0; i < ordered.length; i += EMBED_STEP) {
      const vectors = await embedder.embed(ordered.slice(i, i + EMBED_STEP).map((c) => c.text));
      addVectors(dense, vectors.map((vector, j) => ({ label: i + j, vector })));
      onProgress?.(Math.min(i + EMBED_STEP, ordered.length), ordered.length);
    }
    storeDocVectors(db, dense, null);
  } else {
    onProgress?.(ordered.length, ordered.length);
  }
  return openSearchIndex(db, { dense, embedder });
}

/** Number of chunks in the index. */
export function chunkCount(index: SearchIndex): number {
  return index.parts.docs.list.reduce((n, d) => n + d.count, 0);
}

/** The vector graph, read on first need (null when absent or unreadable). */
function denseOf(index: SearchIndex): DenseIndex | null {
  const p = index.parts;
  if (typeof p.dense === "function") p.dense = p.dense();
  return p.dense;
}

function embedderOf(index: SearchIndex): Promise<Embedder | null> {
  const p = index.parts;
  if (p.resolved === null) {
    const src = p.embedder;
    p.resolved = src === null ? Promise.resolve(null) : typeof src === "function" ? src() : Promise.resolve(src);
  }
  return p.resolved;
}

async function queryVector(index: SearchIndex, text: string): Promise<Float32Array | null> {
  const cache = index.parts.queryCache;
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const embedder = await embedderOf(index);
  if (embedder === null) return null;
  const [v] = await embedder.embed([text]);
  if (!v) return null;
  cache.set(text, v);
  if (cache.size > QUERY_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return v;
}

interface ChunkRow {
  label: number;
  doc: number;
  sha: string;
  data: string;
}

const log = createLogger("search");

function toChunk(docs: Docs, r: ChunkRow): Chunk | null {
  const d = docs.byId.get(r.doc);
  if (!d) return null;
  // A stored passage that is not what the build wrote is never shown.
  if (sha256(r.data) !== r.sha) {
    log.error("a stored chunk does not match its recorded hash; withheld until the index is rebuilt", { file: d.file, label: r.label });
    return null;
  }
  return { ...(JSON.parse(r.data) as Chunk), file: d.file };
}

function chunkMap(index: SearchIndex, labels: readonly number[]): Map<number, Chunk> {
  const out = new Map<number, Chunk>();
  if (labels.length === 0) return out;
  const { db, docs } = index.parts;
  const rows = db.prepare(`SELECT label, doc, sha, data FROM chunks WHERE label IN (${labels.map(() => "?").join(",")})`).all(...labels) as ChunkRow[];
  for (const r of rows) {
    const c = toChunk(docs, r);
    if (c) out.set(r.label, c);
  }
  return out;
}

/** The chunks under `labels`, in the order given (unknown labels are skipped). */
export function chunksAt(index: SearchIndex, labels: readonly number[]): Chunk[] {
  const byLabel = chunkMap(index, labels);
  return labels.flatMap((l) => byLabel.get(l) ?? []);
}

function docByFile(index: SearchIndex, file: string): DocView | null {
  return index.parts.docs.byFile.get(file) ?? null;
}

/** Prose chunks of one file's section, in document order. */
export function sectionChunks(index: SearchIndex, file: string, section: string): Chunk[] {
  const d = docByFile(index, file);
  if (d === null) return [];
  const rows = index.parts.db.prepare("SELECT label, doc, sha, data FROM chunks WHERE doc = ? AND section = ? AND prose = 1 ORDER BY label").all(d.id, section) as ChunkRow[];
  return rows.flatMap((r) => toChunk(index.parts.docs, r) ?? []);
}

/**
 * The prose chunk following the one starting at `line` in `file` (document order), when it starts
 * on or after that chunk's last line: a reason often follows its figure.
 */
export function nextProseChunk(index: SearchIndex, file: string, line: number): Chunk | null {
  const d = docByFile(index, file);
  if (d === null) return null;
  const db = index.parts.db;
  const at = db.prepare("SELECT label, doc, sha, data FROM chunks WHERE doc = ? AND prose = 1 AND line = ? ORDER BY label DESC LIMIT 1").get(d.id, line) as ChunkRow | undefined;
  if (!at) return null;
  const next = db.prepare("SELECT label, doc, sha, data FROM chunks WHERE doc = ? AND prose = 1 AND label > ? ORDER BY label LIMIT 1").get(d.id, at.label) as ChunkRow | undefined;
  const c = at ? toChunk(index.parts.docs, at) : null;
  const n = next ? toChunk(index.parts.docs, next) : null;
  return c && n && n.line > c.lineEnd - 1 ? n : null;
}

/**
 * Ranks chunks for a query: BM25 (jieba words + character bigrams), cosine over the vectors, or both
 * fused by reciprocal rank (`RRF_K`). Without a model it silently runs keyword-only. Reads only the
 * postings of the query's terms (of the passing documents, with a filter) and the hits' rows.
 */
export async function search(index: SearchIndex, query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
  const k = opts.k ?? 5;
  const requested = opts.mode ?? "hybrid";
  let mode = index.semantic ? requested : "keyword";
  const depth = opts.depth ?? Math.max(50, 4 * k);
  const { db, docs } = index.parts;
  const pass = resolveScope(docs, opts.filter);

  const extra = opts.expand === false ? [] : expansionTerms(stripDepartments(query, namesInQuery(docs, normalize(query))));
  const q = extra.length > 0 ? `${query} ${extra.join(" ")}` : query;
  let dense: { label: number; score: number }[] = [];
  if (mode !== "keyword") {
    const graph = denseOf(index);
    const text = (opts.instruction ?? QUERY_INSTRUCTION_DEFAULT) ? `${QUERY_INSTRUCTION}${q}` : q;
    const v = graph !== null ? await queryVector(index, text) : null;
    // The model (or the graph) may turn out unavailable on first use: the search is then keyword-only.
    if (graph !== null && v !== null) dense = searchDense(graph, docs, v, mode === "dense" ? k : depth, pass, db).map((r) => ({ label: r.label, score: r.sim }));
    else mode = "keyword";
  }
  const weights = { bigram: opts.bigramWeight ?? BIGRAM_WEIGHT, identity: opts.identityWeight ?? IDENTITY_WEIGHT, prune: opts.prune !== false };
  const keyword = mode === "dense" ? [] : searchKeyword(db, docs, q, mode === "keyword" ? k : depth, pass, weights);
  const ranked: { label: number; score: number; dense: number | null; keyword: number | null }[] =
    mode === "keyword"
      ? keyword.slice(0, k).map((r) => ({ label: r.label, score: r.score, dense: null, keyword: r.score }))
      : mode === "dense"
        ? dense.slice(0, k).map((r) => ({ label: r.label, score: r.score, dense: r.score, keyword: null }))
        : fuseRrf(dense, keyword, { k: opts.rrfK ?? RRF_K, denseWeight: opts.denseWeight ?? DENSE_WEIGHT, order: corpusOrder(docs) }).slice(0, k);
  const byId = chunkMap(index, ranked.map((r) => r.label));
  return ranked.flatMap((r) => {
    const chunk = byId.get(r.label);
    return chunk ? [{ chunk, score: r.score, dense: r.dense, keyword: r.keyword }] : [];
  });
}
