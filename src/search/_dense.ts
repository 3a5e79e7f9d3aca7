import hnswlib from "hnswlib-node";
import { corpusOrder, passes, passingLabels, type Docs, type Pass } from "./_docs.js";

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/** HNSW graph parameters: M links per node, efConstruction; fixed seed so builds are reproducible. */
const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 100;
/** Search breadth; recall ≈ 1 at our sizes (thousands of chunks) for well under a millisecond. */
const EF_SEARCH = 128;
/**
 * Up to this many passing chunks a filtered query is scored exactly (their vectors read from the
 * graph one by one, nothing kept): HNSW's filtered search must walk past every failing point to
 * collect `ef` passing ones, which for one department among hundreds means most of the graph.
 */
const EXACT_MAX = 4000;
/**
 * Vectors read out of the graph for exact scoring are kept, up to this many (2 KiB each, 32 MiB):
 * hnswlib hands a point out as a fresh JS array (~15 µs), so re-reading a department's ~1,000
 * passages on every question would cost more than the rest of the answer; the oldest go first.
 */
const CACHED_MAX = 16384;

/** Cosine nearest-neighbour search over chunk vectors; labels are chunk labels. */
export interface DenseIndex {
  readonly dim: number;
  readonly hnsw: Hnsw;
  /** Points read out of the graph by `searchDense` (bounded, see `CACHED_MAX`), by label. */
  readonly cached: Map<number, Float32Array>;
}

/** An empty graph (cosine space) with room for `capacity` points; deleted slots are reused. */
export function createDense(dim: number, capacity: number): DenseIndex {
  const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
  hnsw.initIndex(Math.max(16, capacity), M, EF_CONSTRUCTION, SEED, true);
  hnsw.setEf(EF_SEARCH);
  return { dim, hnsw, cached: new Map() };
}

/** Adds unit vectors under their labels, growing the graph when full. */
export function addVectors(index: DenseIndex, items: readonly { label: number; vector: Float32Array }[]): void {
  const h = index.hnsw;
  for (const { label, vector } of items) {
    if (h.getCurrentCount() >= h.getMaxElements()) h.resizeIndex(Math.ceil(h.getMaxElements() * 1.5) + 16);
    h.addPoint(Array.from(vector), label, true);
    index.cached.delete(label);
  }
}

/** Marks labels deleted (their slots are reused by later additions). */
export function deleteLabels(index: DenseIndex, labels: Iterable<number>): void {
  for (const l of labels) {
    index.cached.delete(l);
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
  return { dim, hnsw, cached: new Map() };
}

/** The point under `label`, from the cache or read out of the graph (and kept). */
function pointOf(index: DenseIndex, label: number): Float32Array {
  const hit = index.cached.get(label);
  if (hit) return hit;
  const v = Float32Array.from(index.hnsw.getPoint(label));
  if (index.cached.size >= CACHED_MAX) {
    const oldest = index.cached.keys().next().value;
    if (oldest !== undefined) index.cached.delete(oldest);
  }
  index.cached.set(label, v);
  return v;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let j = 0; j < b.length; j++) s += (a[j] ?? 0) * (b[j] ?? 0);
  return s;
}

/**
 * The `k` most similar chunks to a unit query vector, best first, as cosine similarities, within
 * `pass`. Small passing sets are scored exactly (their points kept in a bounded cache); larger ones
 * run inside hnswlib's search with its filter callback.
 */
export function searchDense(index: DenseIndex, docs: Docs, query: Float32Array, k: number, pass: Pass | null): { label: number; sim: number }[] {
  if (k <= 0) return [];
  const labels = pass === null ? null : passingLabels(pass);
  if (labels !== null && labels.length <= EXACT_MAX) {
    const scored = labels.map((label) => ({ label, sim: dot(pointOf(index, label), query) }));
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
