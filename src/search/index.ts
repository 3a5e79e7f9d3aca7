import type { Chunk } from "../chunk/index.js";
import type { Result } from "../core/result.js";
import type { Embedder } from "../embed/index.js";
import { assembleIndex } from "./_assemble.js";
import { buildDense, searchDense, type DenseIndex } from "./_dense.js";
import { DENSE_WEIGHT, fuseRrf, RRF_K } from "./_fusion.js";
import { expansionTerms } from "./_expand.js";
import { BIGRAM_WEIGHT, buildKeyword, IDENTITY_WEIGHT, searchKeyword, stripDepartments, type KeywordIndex } from "./_keyword.js";
import type { IndexInputs } from "./_manifest.js";
import { loadSearch, saveSearch } from "./_store.js";

export { FORMAT_VERSION, type IndexInputs, type SearchManifest } from "./_manifest.js";
export { BIGRAM_WEIGHT, IDENTITY_WEIGHT } from "./_keyword.js";
export { DENSE_WEIGHT, fuseRrf, RRF_K, type Fused, type Ranked } from "./_fusion.js";
export { SEARCH_DIR } from "./_store.js";
export { BUDGET_TERMS, tokenize } from "./_tokenize.js";

/** The in-memory parts behind a search index; reach them only through this module's functions. */
export interface SearchParts {
  readonly keyword: KeywordIndex;
  readonly dense: DenseIndex | null;
  /** Query vectors by query text (small LRU: insertion order, refreshed on hit). */
  readonly queryCache: Map<string, Float32Array>;
}

/** Chunks with their keyword index and, when a model is available, their vectors. */
export interface SearchIndex {
  readonly chunks: readonly Chunk[];
  /** False when no model was available: every search is keyword-only. */
  readonly semantic: boolean;
  readonly embedder: Embedder | null;
  /** Vector dimension, null without vectors. */
  readonly dim: number | null;
  readonly parts: SearchParts;
}

/** Why a saved index could not be used; `index_stale` and `index_missing` mean "rebuild". */
export interface SearchIndexError {
  readonly code: "index_missing" | "index_stale" | "index_corrupt";
  readonly reason: string;
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
  /** Only chunks passing this predicate are returned (e.g. one department). */
  readonly filter?: (c: Chunk) => boolean;
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
}

/** BGE's query instruction for short-query → passage retrieval (../shared/MODEL.md). */
export const QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
/** Whether queries get the instruction unless told otherwise; chosen by the retrieval benchmark. */
export const QUERY_INSTRUCTION_DEFAULT = false;
const QUERY_CACHE_SIZE = 128;
/** Texts per progress report while embedding chunks. */
const EMBED_STEP = 64;

/**
 * Indexes chunks for keyword search and, given an embedder, embeds them into an HNSW graph;
 * `onProgress(done, total)` follows the embedding (the slow part).
 */
export async function buildSearchIndex(
  chunks: readonly Chunk[],
  embedder: Embedder | null,
  onProgress?: (done: number, total: number) => void,
): Promise<SearchIndex> {
  const keyword = buildKeyword(chunks);
  let dense: DenseIndex | null = null;
  if (embedder !== null) {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < chunks.length; i += EMBED_STEP) {
      vectors.push(...(await embedder.embed(chunks.slice(i, i + EMBED_STEP).map((c) => c.text))));
      onProgress?.(Math.min(i + EMBED_STEP, chunks.length), chunks.length);
    }
    dense = buildDense(vectors, embedder.dim);
  } else {
    onProgress?.(chunks.length, chunks.length);
  }
  return assembleIndex(chunks, keyword, dense, embedder);
}

/**
 * Saves the index under `<dir>/search/` (dir is the index directory): chunks.json, bm25.json,
 * vectors.hnsw and manifest.json (format version, model id + file hashes, dim, corpus hashes,
 * chunker version). Atomic: written into a temporary sibling, then renamed into place; a failure
 * leaves the previous index loadable and throws.
 */
export function saveSearchIndex(dir: string, index: SearchIndex, manifest: IndexInputs): void {
  saveSearch(dir, index, manifest);
}

/**
 * Loads `<dir>/search/` when its manifest matches `expected`: `index_missing` when absent,
 * `index_stale` when corpus hashes, model, chunker or format version differ, `index_corrupt` when
 * files are unreadable or inconsistent. With a null embedder the index loads keyword-only.
 */
export function loadSearchIndex(dir: string, expected: IndexInputs, embedder: Embedder | null): Result<SearchIndex, SearchIndexError> {
  return loadSearch(dir, expected, embedder);
}

async function queryVector(index: SearchIndex, text: string): Promise<Float32Array | null> {
  const embedder = index.embedder;
  if (embedder === null) return null;
  const cache = index.parts.queryCache;
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const [v] = await embedder.embed([text]);
  if (!v) return null;
  cache.set(text, v);
  if (cache.size > QUERY_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return v;
}

/**
 * Ranks chunks for a query: BM25 (jieba words + character bigrams), cosine over the vectors, or both
 * fused by reciprocal rank (`RRF_K`). Without a model it silently runs keyword-only.
 */
export async function search(index: SearchIndex, query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
  const k = opts.k ?? 5;
  const requested = opts.mode ?? "hybrid";
  const mode = index.semantic ? requested : "keyword";
  const depth = opts.depth ?? Math.max(50, 4 * k);
  const filter = opts.filter;
  const passList = filter ? index.chunks.flatMap((c, i) => (filter(c) ? [i] : [])) : null;
  const passSet = passList ? new Set(passList) : null;

  const extra = opts.expand === false ? [] : expansionTerms(stripDepartments(query, index.parts.keyword.departments));
  const q = extra.length > 0 ? `${query} ${extra.join(" ")}` : query;
  const weights = { bigram: opts.bigramWeight ?? BIGRAM_WEIGHT, identity: opts.identityWeight ?? IDENTITY_WEIGHT };
  const keyword = mode === "dense" ? [] : searchKeyword(index.parts.keyword, q, mode === "keyword" ? k : depth, passSet, weights);
  let dense: { label: number; score: number }[] = [];
  if (mode !== "keyword" && index.parts.dense !== null) {
    const text = (opts.instruction ?? QUERY_INSTRUCTION_DEFAULT) ? `${QUERY_INSTRUCTION}${q}` : q;
    const v = await queryVector(index, text);
    if (v) dense = searchDense(index.parts.dense, v, mode === "dense" ? k : depth, passList).map((r) => ({ label: r.label, score: r.sim }));
  }
  const hit = (label: number, score: number, d: number | null, kw: number | null): SearchHit[] => {
    const chunk = index.chunks[label];
    return chunk ? [{ chunk, score, dense: d, keyword: kw }] : [];
  };
  switch (mode) {
    case "keyword":
      return keyword.slice(0, k).flatMap((r) => hit(r.label, r.score, null, r.score));
    case "dense":
      return dense.slice(0, k).flatMap((r) => hit(r.label, r.score, r.score, null));
    case "hybrid":
      return fuseRrf(dense, keyword, { k: opts.rrfK ?? RRF_K, denseWeight: opts.denseWeight ?? DENSE_WEIGHT })
        .slice(0, k)
        .flatMap((r) => hit(r.label, r.score, r.dense, r.keyword));
  }
}
