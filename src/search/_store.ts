import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Chunk } from "../chunk/index.js";
import { err, ok, type Result } from "../core/result.js";
import type { Embedder } from "../embed/index.js";
import { readDense, writeDense } from "./_dense.js";
import { keywordFromJson, keywordToJson, type KeywordJson } from "./_keyword.js";
import { FORMAT_VERSION, SearchManifestSchema, staleReason, type IndexInputs, type SearchManifest } from "./_manifest.js";
import type { SearchIndex, SearchIndexError } from "./index.js";
import { assembleIndex } from "./_assemble.js";

/** Sub-directory of the index directory holding the search files. */
export const SEARCH_DIR = "search";
const CHUNKS = "chunks.json";
const BM25 = "bm25.json";
const VECTORS = "vectors.hnsw";
const MANIFEST = "manifest.json";

/**
 * Writes chunks.json, bm25.json, vectors.hnsw (when semantic) and manifest.json into a temporary
 * sibling of `<dir>/search/`, then swaps it in by rename; on any failure the previous index stays.
 */
export function saveSearch(dir: string, index: SearchIndex, inputs: IndexInputs): void {
  mkdirSync(dir, { recursive: true });
  const final = join(dir, SEARCH_DIR);
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(dir, `.${SEARCH_DIR}.tmp-${stamp}`);
  const old = join(dir, `.${SEARCH_DIR}.old-${stamp}`);
  mkdirSync(tmp);
  try {
    const files: Record<string, number> = {};
    const put = (name: string, data: string): void => {
      writeFileSync(join(tmp, name), data);
      files[name] = statSync(join(tmp, name)).size;
    };
    put(CHUNKS, JSON.stringify(index.chunks));
    // Stored rather than rebuilt at load: reading it took ~45 ms against ~210 ms to re-tokenise the
    // seed corpus's 2.3k chunks (plus jieba's dictionary load, which the first query pays anyway).
    put(BM25, JSON.stringify(keywordToJson(index.parts.keyword)));
    const dense = index.parts.dense;
    if (dense !== null) {
      writeDense(dense, join(tmp, VECTORS));
      files[VECTORS] = statSync(join(tmp, VECTORS)).size;
    }
    const manifest: SearchManifest = {
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      chunkerVersion: inputs.chunkerVersion,
      model: dense !== null && inputs.model !== null ? { id: inputs.model.id, files: inputs.model.files.map((f) => ({ ...f })) } : null,
      dim: dense?.dim ?? null,
      corpus: inputs.corpus.map((c) => ({ file: c.file, sha256: c.sha256 })),
      chunks: index.chunks.length,
      files,
    };
    // The manifest goes last: a directory without one is never mistaken for a complete index.
    writeFileSync(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(final)) renameSync(final, old);
    renameSync(tmp, final);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(final) && existsSync(old)) renameSync(old, final);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** A crash between the two renames of `saveSearch` leaves only `.search.old-*`; put it back. */
function recover(dir: string): void {
  if (existsSync(join(dir, SEARCH_DIR)) || !existsSync(dir)) return;
  const olds = readdirSync(dir).filter((n) => n.startsWith(`.${SEARCH_DIR}.old-`)).sort();
  const latest = olds[olds.length - 1];
  if (latest !== undefined) renameSync(join(dir, latest), join(dir, SEARCH_DIR));
}

/** Reads and checks `<dir>/search/`; see `loadSearchIndex`. */
export function loadSearch(dir: string, expected: IndexInputs, embedder: Embedder | null): Result<SearchIndex, SearchIndexError> {
  recover(dir);
  const base = join(dir, SEARCH_DIR);
  const manifestPath = join(base, MANIFEST);
  if (!existsSync(manifestPath)) return err({ code: "index_missing", reason: `no search index at ${base}` });
  let manifest: SearchManifest;
  try {
    const parsed = SearchManifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, "utf8")));
    if (!parsed.success) {
      return err({ code: "index_corrupt", reason: `manifest.json: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` });
    }
    manifest = parsed.data;
  } catch (e) {
    return err({ code: "index_corrupt", reason: `manifest.json: ${e instanceof Error ? e.message : String(e)}` });
  }
  const stale = staleReason(manifest, expected);
  if (stale !== null) return err({ code: "index_stale", reason: stale });
  for (const [name, size] of Object.entries(manifest.files)) {
    const p = join(base, name);
    if (!existsSync(p)) return err({ code: "index_corrupt", reason: `${name} missing` });
    const actual = statSync(p).size;
    if (actual !== size) return err({ code: "index_corrupt", reason: `${name} is ${actual} bytes, manifest says ${size}` });
  }
  try {
    const chunks = JSON.parse(readFileSync(join(base, CHUNKS), "utf8")) as Chunk[];
    if (!Array.isArray(chunks) || chunks.length !== manifest.chunks) {
      return err({ code: "index_corrupt", reason: `chunks.json holds ${Array.isArray(chunks) ? chunks.length : "no"} chunks, manifest says ${manifest.chunks}` });
    }
    const keyword = keywordFromJson(JSON.parse(readFileSync(join(base, BM25), "utf8")) as KeywordJson, chunks);
    if (keyword.words.docLen.length !== chunks.length) return err({ code: "index_corrupt", reason: "bm25.json does not match chunks.json" });
    // Vectors are only usable with the very model that made them.
    const usable =
      embedder !== null && manifest.model !== null && manifest.dim !== null && embedder.id === manifest.model.id && embedder.dim === manifest.dim;
    const dense = usable && manifest.dim !== null && VECTORS in manifest.files ? readDense(join(base, VECTORS), manifest.dim, chunks.length) : null;
    return ok(assembleIndex(chunks, keyword, dense, dense !== null ? embedder : null));
  } catch (e) {
    return err({ code: "index_corrupt", reason: e instanceof Error ? e.message : String(e) });
  }
}
