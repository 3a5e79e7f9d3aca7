import type { Database } from "better-sqlite3";
import hnswlib from "hnswlib-node";
import { corpusOrder, passes, passingLabels, proseAt, type Docs, type DocView, type Pass } from "./_docs.js";

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/** HNSW graph parameters: M links per node, efConstruction; fixed seed so builds are reproducible. */
const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 100;
/** Search breadth; recall ≈ 1 at our sizes (thousands of chunks) for well under a millisecond. */
const EF_SEARCH = 128;
/**
 * Up to this many passing chunks a filtered query is scored exactly: HNSW's filtered search must
 * walk past every failing point to collect `ef` passing ones, which for one department among
 * hundreds means most of the graph.
 */
const EXACT_MAX = 4000;
/**
 * Exact scoring reads a document's vectors as one block: stored beside its chunks (`doc_vectors`,
 * the graph's own points, written by the build) or else read out of the graph point by point
 * (hnswlib hands a point out as a fresh JS array, ~40 µs: 40 ms for a department of 1,000
 * passages). Blocks are kept up to this many vectors (2 KiB each, 32 MiB); the oldest go first.
 */
const CACHED_MAX = 16384;

/** Cosine nearest-neighbour search over chunk vectors; labels are chunk labels. */
export interface DenseIndex {
  readonly dim: number;
  readonly hnsw: Hnsw;
  /** Documents' vector blocks read for exact scoring (bounded, see `CACHED_MAX`), by document id. */
  readonly blocks: Map<number, Float32Array>;
}

/** An empty graph (cosine space) with room for `capacity` points; deleted slots are reused. */
export function createDense(dim: number, capacity: number): DenseIndex {
  const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
  hnsw.initIndex(Math.max(16, capacity), M, EF_CONSTRUCTION, SEED, true);
  hnsw.setEf(EF_SEARCH);
  return { dim, hnsw, blocks: new Map() };
}

/** Adds unit vectors under their labels, growing the graph when full. */
export function addVectors(index: DenseIndex, items: readonly { label: number; vector: Float32Array }[]): void {
  const h = index.hnsw;
  for (const { label, vector } of items) {
    if (h.getCurrentCount() >= h.getMaxElements()) h.resizeIndex(Math.ceil(h.getMaxElements() * 1.5) + 16);
    h.addPoint(Array.from(vector), label, true);
  }
  index.blocks.clear();
}

/** Marks labels deleted (their slots are reused by later additions). */
export function deleteLabels(index: DenseIndex, labels: Iterable<number>): void {
  index.blocks.clear();
  for (const l of labels) {
    try {
      index.hnsw.markDelete(l);
    } catch {
      // Not in the graph (a document indexed while the model was off): nothing to delete.
    }
  }
}

/** Writes the graph (hnswlib's own binary format). */
export function writeDense(index: DenseIndex, path: string): void {
  index.hnsw.writeIndexSync(path);
}

/** Reads a graph written by `writeDense`; throws on a damaged file. */
export function readDense(path: string, dim: number): DenseIndex {
  const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
  hnsw.readIndexSync(path, true);
  hnsw.setEf(EF_SEARCH);
  return { dim, hnsw, blocks: new Map() };
}

/** A document's points in label order, as the graph holds them. */
function graphBlock(index: DenseIndex, doc: Pick<DocView, "base" | "count">): Float32Array {
  const block = new Float32Array(doc.count * index.dim);
  for (let i = 0; i < doc.count; i++) block.set(index.hnsw.getPoint(doc.base + i), i * index.dim);
  return block;
}

/**
 * Stores the points of the given documents (all when null) as the graph holds them, one blob per
 * document beside its chunks, for exact scoring without reading the graph point by point. Run
 * after the graph holds every point of those documents.
 */
export function storeDocVectors(db: Database, index: DenseIndex, ids: readonly number[] | null): void {
  const docs = db.prepare(`SELECT id, base, count FROM search_docs${ids === null ? "" : " WHERE id = ?"}`);
  const put = db.prepare("INSERT OR REPLACE INTO doc_vectors(doc, data) VALUES(?, ?)");
  db.transaction(() => {
    if (ids === null) db.prepare("DELETE FROM doc_vectors").run();
    const rows = (ids === null ? docs.all() : ids.flatMap((id) => docs.all(id))) as { id: number; base: number; count: number }[];
    for (const d of rows) {
      const block = graphBlock(index, d);
      put.run(d.id, Buffer.from(block.buffer, block.byteOffset, block.byteLength));
    }
  })();
}

/** A document's block: kept, stored (when of the right size), or read out of the graph. */
function blockOf(index: DenseIndex, db: Database | null, doc: DocView): Float32Array {
  const hit = index.blocks.get(doc.id);
  if (hit) return hit;
  let block: Float32Array | null = null;
  const row = db?.prepare("SELECT data FROM doc_vectors WHERE doc = ?").get(doc.id) as { data: Buffer } | undefined;
  if (row && row.data.byteLength === doc.count * index.dim * 4) block = new Float32Array(new Uint8Array(row.data).buffer);
  block ??= graphBlock(index, doc);
  let held = block.length;
  for (const b of index.blocks.values()) held += b.length;
  for (const [id, b] of index.blocks) {
    if (held <= CACHED_MAX * index.dim) break;
    index.blocks.delete(id);
    held -= b.length;
  }
  index.blocks.set(doc.id, block);
  return block;
}

function dot(block: Float32Array, at: number, b: Float32Array): number {
  let s = 0;
  for (let j = 0; j < b.length; j++) s += (block[at + j] ?? 0) * (b[j] ?? 0);
  return s;
}

/**
 * The `k` most similar chunks to a unit query vector, best first, as cosine similarities, within
 * `pass`. Documents holding few chunks are scored exactly (their vector blocks read from `db` when
 * stored there, and kept); larger sets run inside hnswlib's search with its filter callback.
 */
export function searchDense(index: DenseIndex, docs: Docs, query: Float32Array, k: number, pass: Pass | null, db: Database | null = null): { label: number; sim: number }[] {
  if (k <= 0) return [];
  const labels = pass === null ? null : passingLabels(pass);
  if (pass !== null && pass.docs !== null && labels !== null && labels.length <= EXACT_MAX) {
    const scored: { label: number; sim: number }[] = [];
    for (const d of pass.docs) {
      const block = blockOf(index, db, d);
      for (let i = 0; i < d.count; i++) if (!pass.proseOnly || proseAt(d, d.base + i)) scored.push({ label: d.base + i, sim: dot(block, i * index.dim, query) });
    }
    const order = corpusOrder(docs);
    return scored.sort((a, b) => b.sim - a.sim || order(a.label, b.label)).slice(0, k);
  }
  const n = Math.min(k, labels?.length ?? index.hnsw.getMaxElements());
  if (n === 0) return [];
  if (index.hnsw.getEf() < n) index.hnsw.setEf(n);
  const q = Array.from(query);
  const r = pass === null ? index.hnsw.searchKnn(q, n) : index.hnsw.searchKnn(q, n, (l) => passes(docs, pass, l));
  return r.neighbors.map((label, i) => ({ label, sim: 1 - (r.distances[i] ?? 1) }));
}
