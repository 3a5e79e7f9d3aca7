import hnswlib from "hnswlib-node";

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/** HNSW graph parameters: M links per node, efConstruction; fixed seed so builds are reproducible. */
const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 100;
/** Search breadth; recall ≈ 1 at our sizes (thousands of chunks) for well under a millisecond. */
const EF_SEARCH = 128;
/** Below this share of passing points, a filtered query is scored exactly instead of through HNSW. */
const EXACT_BELOW = 0.5;

/** Cosine nearest-neighbour search over chunk vectors; labels are chunk positions. */
export interface DenseIndex {
  readonly dim: number;
  readonly count: number;
  readonly hnsw: Hnsw;
  /** Row-major copy of the vectors for exact filtered scoring, read from the graph on first need. */
  matrix: Float32Array | null;
}

/** Builds the HNSW graph (cosine space) from unit vectors. */
export function buildDense(vectors: readonly Float32Array[], dim: number): DenseIndex {
  const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
  hnsw.initIndex(Math.max(1, vectors.length), M, EF_CONSTRUCTION, SEED);
  const matrix = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => {
    hnsw.addPoint(Array.from(v), i);
    matrix.set(v, i * dim);
  });
  hnsw.setEf(EF_SEARCH);
  return { dim, count: vectors.length, hnsw, matrix };
}

/** Writes the graph (hnswlib's own binary format). */
export function writeDense(index: DenseIndex, path: string): void {
  index.hnsw.writeIndexSync(path);
}

/** Reads a graph written by `writeDense`; throws on a damaged file. */
export function readDense(path: string, dim: number, count: number): DenseIndex {
  const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
  hnsw.readIndexSync(path);
  if (hnsw.getCurrentCount() !== count) {
    throw new Error(`vectors.hnsw holds ${hnsw.getCurrentCount()} vectors, expected ${count}`);
  }
  hnsw.setEf(EF_SEARCH);
  return { dim, count, hnsw, matrix: null };
}

function matrixOf(index: DenseIndex): Float32Array {
  if (index.matrix === null) {
    const m = new Float32Array(index.count * index.dim);
    for (let i = 0; i < index.count; i++) m.set(index.hnsw.getPoint(i), i * index.dim);
    index.matrix = m;
  }
  return index.matrix;
}

/**
 * The `k` most similar chunks to a unit query vector, best first, as cosine similarities; `pass`
 * (a label set) restricts the result. HNSW's filtered search loses recall when few points pass,
 * so small passing sets are scored exactly (a few thousand dot products take well under 5 ms).
 */
export function searchDense(index: DenseIndex, query: Float32Array, k: number, pass: readonly number[] | null): { label: number; sim: number }[] {
  if (index.count === 0 || k <= 0) return [];
  if (pass !== null && pass.length < index.count * EXACT_BELOW) {
    const m = matrixOf(index);
    const dim = index.dim;
    const scored = pass.map((label) => {
      let s = 0;
      const off = label * dim;
      for (let j = 0; j < dim; j++) s += (m[off + j] ?? 0) * (query[j] ?? 0);
      return { label, sim: s };
    });
    return scored.sort((a, b) => b.sim - a.sim).slice(0, k);
  }
  const allowed = pass === null ? null : new Set(pass);
  const n = Math.min(k, allowed?.size ?? index.count);
  if (n === 0) return [];
  if (index.hnsw.getEf() < n) index.hnsw.setEf(n);
  const r = allowed === null ? index.hnsw.searchKnn(Array.from(query), n) : index.hnsw.searchKnn(Array.from(query), n, (l) => allowed.has(l));
  return r.neighbors.map((label, i) => ({ label, sim: 1 - (r.distances[i] ?? 1) }));
}
