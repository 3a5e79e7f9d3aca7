/**
 * Chunk vectors: a content-addressed embedding cache (an SQLite file beside the model, keyed by
 * model and the sha256 of the embedded text, so a text is embedded once per model whatever index
 * or corpus it belongs to) and the HNSW graph (`<index>/vectors.hnsw`) kept in step with the index
 * database by adding and deleting points.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { writeFileAtomic } from "../core/fs.js";
import type { Embedder } from "../embed/index.js";
import { addVectors, createDense, deleteLabels, readDense, searchGeneration, storeDocVectors, writeDense, type DenseIndex, type Span } from "../search/index.js";

const GRAPH = "vectors.hnsw";
const META = "vectors.json";
const META_FORMAT = 1;
/** Texts embedded between progress reports and cache commits. */
const STEP = 64;

interface VectorsMeta {
  readonly formatVersion: number;
  readonly model: string;
  readonly dim: number;
  readonly generation: number;
}

function readMeta(indexDir: string): VectorsMeta | null {
  try {
    const m = JSON.parse(readFileSync(join(indexDir, META), "utf8")) as VectorsMeta;
    return m.formatVersion === META_FORMAT ? m : null;
  } catch {
    return null;
  }
}

/** Removes the graph (no model, or the model changed and cannot be loaded). */
export function dropVectors(indexDir: string): void {
  rmSync(join(indexDir, META), { force: true });
  rmSync(join(indexDir, GRAPH), { force: true });
}

/**
 * A loader of the saved graph when it was made by `model` for the database's current chunk set
 * (checked from its meta file; the graph itself is read on first call), else null.
 */
export function savedVectors(indexDir: string, db: Database.Database, model: string): (() => DenseIndex | null) | null {
  const m = readMeta(indexDir);
  if (m === null || m.model !== model || m.generation !== searchGeneration(db) || !existsSync(join(indexDir, GRAPH))) return null;
  return () => {
    try {
      return readDense(join(indexDir, GRAPH), m.dim);
    } catch {
      return null;
    }
  };
}

/** What changed in the chunk set since the graph was saved. */
export interface ChunkChanges {
  /** The database generation the saved graph matched before this build (null: none). */
  readonly before: number | null;
  readonly removed: readonly Span[];
  /** Documents added (their database ids). */
  readonly added: readonly number[];
}

/** What a vector sync did. */
export interface VectorReport {
  readonly dense: DenseIndex | null;
  readonly embedded: number;
  readonly cached: number;
  /** Why there are no vectors, when the model could not be had. */
  readonly problem: string | null;
}

/** The embedding cache's file name (beside the model files, in the model directory). */
export const EMBEDDING_CACHE = "embeddings.db";

function openCache(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 10000");
  db.exec("CREATE TABLE IF NOT EXISTS vectors(model TEXT NOT NULL, text_sha TEXT NOT NULL, vec BLOB NOT NULL, PRIMARY KEY(model, text_sha)) WITHOUT ROWID");
  return db;
}

function chunksToPlace(db: Database.Database, docs: readonly number[] | null): { label: number; sha: string; text: string }[] {
  const rows = (
    docs === null
      ? db.prepare("SELECT label, text_sha AS sha, data FROM chunks ORDER BY label").all()
      : docs.flatMap((d) => db.prepare("SELECT label, text_sha AS sha, data FROM chunks WHERE doc = ? ORDER BY label").all(d))
  ) as { label: number; sha: string; data: string }[];
  return rows.map((r) => ({ label: r.label, sha: r.sha, text: (JSON.parse(r.data) as { text: string }).text }));
}

/**
 * Brings the graph in step with the database: deletes the points of removed documents and adds
 * those of new ones (or rebuilds it from the cache when the saved graph does not fit), embedding
 * only texts the cache lacks; the model is loaded only then. Saves graph and meta atomically.
 */
export async function syncVectors(opts: {
  readonly indexDir: string;
  /** The embedding cache file. */
  readonly cache: string;
  readonly db: Database.Database;
  readonly model: string;
  readonly embedder: () => Promise<Embedder | null>;
  readonly changes: ChunkChanges;
  readonly onProgress?: (done: number, total: number) => void;
}): Promise<VectorReport> {
  const { indexDir, db, model, changes } = opts;
  const m = readMeta(indexDir);
  let dense: DenseIndex | null = null;
  if (m !== null && m.model === model && changes.before !== null && m.generation === changes.before && existsSync(join(indexDir, GRAPH))) {
    try {
      dense = readDense(join(indexDir, GRAPH), m.dim);
    } catch {
      dense = null;
    }
  }
  const incremental = dense !== null;
  if (dense !== null) for (const s of changes.removed) deleteLabels(dense, Array.from({ length: s.count }, (_, i) => s.base + i));
  const todo = chunksToPlace(db, incremental ? changes.added : null);
  const cache = openCache(opts.cache);
  let embedder: Embedder | null = null;
  let embedded = 0;
  let cached = 0;
  try {
    const get = cache.prepare("SELECT vec FROM vectors WHERE model = ? AND text_sha = ?");
    const put = cache.prepare("INSERT OR REPLACE INTO vectors(model, text_sha, vec) VALUES(?, ?, ?)");
    // The stage starts now (its rate and ETA are measured from here, not from the first batch's end).
    if (todo.length > 0) opts.onProgress?.(0, todo.length);
    for (let i = 0; i < todo.length; i += STEP) {
      const batch = todo.slice(i, i + STEP);
      const vectors: (Float32Array | null)[] = batch.map((c) => {
        const row = get.get(model, c.sha) as { vec: Buffer } | undefined;
        return row ? new Float32Array(new Uint8Array(row.vec).buffer) : null;
      });
      const missing = batch.flatMap((_c, j) => (vectors[j] === null ? [j] : []));
      cached += batch.length - missing.length;
      if (missing.length > 0) {
        embedder ??= await opts.embedder();
        if (embedder === null) return { dense: null, embedded, cached, problem: "嵌入模型无法加载 (the embedding model could not be loaded)" };
        const made = await embedder.embed(missing.map((j) => batch[j]?.text ?? ""));
        cache.transaction(() => {
          missing.forEach((j, n) => {
            const v = made[n];
            const c = batch[j];
            if (!v || !c) return;
            vectors[j] = v;
            put.run(model, c.sha, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
          });
        })();
        embedded += missing.length;
      }
      const dim = vectors.find((v) => v !== null)?.length ?? null;
      if (dim !== null) {
        dense ??= createDense(dim, todo.length);
        addVectors(dense, batch.flatMap((c, j) => { const v = vectors[j]; return v ? [{ label: c.label, vector: v }] : []; }));
      }
      opts.onProgress?.(Math.min(i + STEP, todo.length), todo.length);
    }
  } finally {
    cache.close();
  }
  if (dense === null) {
    dropVectors(indexDir);
    return { dense: null, embedded, cached, problem: null };
  }
  // Each added document's points, as the graph holds them, beside its chunks (exact scoring of a
  // department reads one row instead of a thousand points); written before the graph and its meta,
  // so a graph whose meta matches the database always has them.
  storeDocVectors(db, dense, incremental ? changes.added : null);
  const tmp = join(indexDir, `${GRAPH}.tmp-${process.pid}`);
  writeDense(dense, tmp);
  renameSync(tmp, join(indexDir, GRAPH));
  const meta: VectorsMeta = { formatVersion: META_FORMAT, model, dim: dense.dim, generation: searchGeneration(db) };
  writeFileAtomic(join(indexDir, META), `${JSON.stringify(meta)}\n`);
  return { dense, embedded, cached, problem: null };
}

/** The model key of the saved graph when it matches the chunk-set `generation`, else null. */
export function vectorsModel(indexDir: string, generation: number): string | null {
  const m = readMeta(indexDir);
  return m !== null && m.generation === generation && existsSync(join(indexDir, GRAPH)) ? m.model : null;
}

/** The generation the saved graph matches, when it was made by `model` (before a build changes the database). */
export function savedGeneration(indexDir: string, model: string): number | null {
  const m = readMeta(indexDir);
  return m !== null && m.model === model ? m.generation : null;
}
