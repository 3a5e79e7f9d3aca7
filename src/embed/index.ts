import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.js";
import { sha256 } from "../core/hash.js";
import { createLogger } from "../core/log.js";
import { err, ok, type Result } from "../core/result.js";
import { checkModelFiles, MODEL_DIM, MODEL_FILES, MODEL_ID, modelPath, type ModelFingerprint } from "./_files.js";
import { openExtractor, type Extractor } from "./_load.js";

export { MODEL_DIM, MODEL_FILES, MODEL_ID, STAMP_FILE, checkModelFiles, modelPath } from "./_files.js";
export type { ModelFileProblem, ModelFingerprint } from "./_files.js";
export { fetchModel, MODEL_PACKAGE, type FetchFailure, type FetchOptions } from "./_fetch.js";

/** Turns texts into unit-length vectors; tests pass fakes, production wraps bge-small-zh-v1.5. */
export interface Embedder {
  readonly id: string;
  readonly dim: number;
  /** Where the model files came from: the local cache or a Hugging Face download. */
  readonly source: "local" | "hub";
  /** One normalised vector per text, in input order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Why no embedder could be had; retrieval then degrades to keyword search. */
export interface ModelUnavailable {
  readonly code: "model_unavailable";
  readonly reason: string;
}

const log = createLogger("embed");

/**
 * Texts per forward pass: one. The quantized export quantizes activations dynamically with one
 * scale per tensor, so a text's vector depends on what it is batched with (cosine 0.993–0.996 to
 * its own unbatched vector, measured on the corpus) — enough to reorder near candidates, and to
 * make a passage's vector change when other documents are added. Unbatched, a passage is embedded
 * exactly like a query, and every vector is reproducible; it costs ~12 % more time than batches of
 * 16 (length-sorted, 2 cores).
 */
const BATCH = 1;

/**
 * Texts up to this many characters (a question, with its expansion terms) run on a session of one
 * thread: for some 20–60 tokens a second thread costs more in hand-off than it saves, and on a busy
 * machine it waits for a core (query p50 4.7 ms against 8.3 ms with two, measured under load).
 * Passages run on a session with a thread per core. Both give the same vectors, bit for bit.
 */
const SHORT_TEXT = 64;

const FETCH_HINT = "请运行 `npm run model:fetch` 获取模型 (run `npm run model:fetch` to provision it)";

/**
 * Loads Xenova/bge-small-zh-v1.5 (quantized, CLS pooling, normalised) from `config.modelDir`, or
 * from the hub when `config.modelSource` is "hub"; never throws: a missing or broken model is a
 * `model_unavailable` value whose reason tells the user what to run.
 */
export async function loadEmbedder(config: Config): Promise<Result<Embedder, ModelUnavailable>> {
  if (config.modelSource === "off") {
    return err({ code: "model_unavailable", reason: "语义检索已关闭 (semantic search disabled: JUESUAN_MODEL_SOURCE=off)" });
  }
  const dir = modelPath(config.modelDir);
  const { problems } = checkModelFiles(dir, { writeStamp: true });
  const remote = config.modelSource === "hub";
  if (problems.length > 0 && !remote) {
    const what = problems.every((p) => p.problem === "missing")
      ? "未找到模型文件 (no model files)"
      : problems.map((p) => `${p.name} (${p.problem})`).join(", ");
    return err({ code: "model_unavailable", reason: `嵌入模型不可用 (embedding model unavailable) in ${dir}: ${what}; ${FETCH_HINT}` });
  }
  let extractor: Extractor;
  try {
    extractor = await openExtractor(config.modelDir, remote, 1);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return err({ code: "model_unavailable", reason: `嵌入模型加载失败 (embedding model failed to load): ${msg}; ${FETCH_HINT}` });
  }
  const source = problems.length === 0 ? "local" : "hub";
  const embedder = wrapExtractor(extractor, () => openExtractor(config.modelDir, remote), source);
  try {
    const [probe] = await embedder.embed(["预算"]);
    if (probe?.length !== MODEL_DIM) throw new Error(`probe vector has ${probe?.length ?? 0} dimensions, expected ${MODEL_DIM}`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return err({ code: "model_unavailable", reason: `嵌入模型无法运行 (embedding model does not run): ${msg}; ${FETCH_HINT}` });
  }
  log.debug("embedder ready", { id: MODEL_ID, source });
  return ok(embedder);
}

/** One embedder over a single-threaded session (short texts) and a multi-threaded one opened on first need (passages). */
function wrapExtractor(short: Extractor, openLong: () => Promise<Extractor>, source: "local" | "hub"): Embedder {
  let long: Promise<Extractor> | null = null;
  const extractorFor = (batch: readonly string[]): Promise<Extractor> | Extractor =>
    batch.every((t) => t.length <= SHORT_TEXT) ? short : (long ??= openLong());
  return {
    id: MODEL_ID,
    dim: MODEL_DIM,
    source,
    async embed(texts) {
      const out: Float32Array[] = new Array<Float32Array>(texts.length);
      // Sorting by length keeps each batch's padding (wasted compute) small.
      const order = texts.map((_, i) => i).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
      for (let start = 0; start < order.length; start += BATCH) {
        const idx = order.slice(start, start + BATCH);
        const batch = idx.map((i) => texts[i] ?? "");
        const t = await (await extractorFor(batch))(batch, { pooling: "cls", normalize: true });
        const dim = t.dims[t.dims.length - 1] ?? MODEL_DIM;
        const data = t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
        idx.forEach((i, j) => {
          out[i] = data.slice(j * dim, (j + 1) * dim);
        });
      }
      return out;
    },
  };
}

const fingerprints = new Map<string, ModelFingerprint | null>();

/**
 * The model id and file hashes for an index manifest, or null when the model is off or its files
 * are missing or wrong; hashes are computed once per process (and remembered on disk by size+mtime).
 */
export function modelFingerprint(config: Config): ModelFingerprint | null {
  if (config.modelSource === "off") return null;
  const dir = modelPath(config.modelDir);
  const cached = fingerprints.get(dir);
  if (cached !== undefined) return cached;
  const { problems, files } = checkModelFiles(dir, { writeStamp: true });
  let fp: ModelFingerprint | null = problems.length === 0 ? { id: MODEL_ID, files } : null;
  // The hub may serve a newer export than the pinned one: it still identifies the vectors it made.
  if (fp === null && config.modelSource === "hub" && problems.every((p) => p.problem !== "missing")) {
    fp = { id: MODEL_ID, files: MODEL_FILES.map((f) => ({ name: f.name, sha256: sha256(readFileSync(join(dir, f.name))) })) };
  }
  // Only a good result is cached: a later `model:fetch` in the same process must be seen.
  if (fp) fingerprints.set(dir, fp);
  return fp;
}
