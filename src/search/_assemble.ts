import type { Chunk } from "../chunk/index.js";
import type { Embedder } from "../embed/index.js";
import type { DenseIndex } from "./_dense.js";
import type { KeywordIndex } from "./_keyword.js";
import type { SearchIndex } from "./index.js";

/** Puts the parts of a search index together; `semantic` needs both vectors and an embedder. */
export function assembleIndex(chunks: readonly Chunk[], keyword: KeywordIndex, dense: DenseIndex | null, embedder: Embedder | null): SearchIndex {
  const semantic = dense !== null && embedder !== null;
  return {
    chunks,
    semantic,
    embedder: semantic ? embedder : null,
    dim: dense?.dim ?? null,
    parts: { keyword, dense: semantic ? dense : null, queryCache: new Map() },
  };
}
