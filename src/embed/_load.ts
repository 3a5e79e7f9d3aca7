import type { InferenceSession as Session } from "onnxruntime-node";
import { MODEL_ID } from "./_files.js";

/** The part of a transformers.js feature-extraction pipeline we call. */
export type Extractor = (
  texts: string[],
  opts: { pooling: "cls"; normalize: true },
) => Promise<{ data: Float32Array | number[]; dims: number[] }>;

/**
 * Opens the feature-extraction pipeline. `remote` lets transformers.js download from the hub into
 * `modelDir` (same layout as the local cache); otherwise only files under `modelDir` are read.
 * `threads` sets onnxruntime's intra-op threads (default: one per core); transformers.js 2.x
 * passes no session options, so its session creation is given them for the duration of the call.
 */
export async function openExtractor(modelDir: string, remote: boolean, threads?: number): Promise<Extractor> {
  // Imported lazily: onnxruntime is heavy and keyword-only runs never need it.
  const { env, pipeline } = await import("@xenova/transformers");
  env.localModelPath = modelDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = remote;
  env.cacheDir = modelDir;
  env.useFSCache = remote;
  if (threads === undefined) return (await pipeline("feature-extraction", MODEL_ID, { quantized: true })) as unknown as Extractor;
  const ort = (await import("onnxruntime-node")) as unknown as { default?: { InferenceSession: typeof Session }; InferenceSession: typeof Session };
  const sessions = (ort.default ?? ort).InferenceSession;
  const create = sessions.create;
  const withThreads = (model: Uint8Array, options?: Session.SessionOptions) => create.call(sessions, model, { ...options, intraOpNumThreads: threads, interOpNumThreads: 1 });
  sessions.create = withThreads as typeof create;
  try {
    return (await pipeline("feature-extraction", MODEL_ID, { quantized: true })) as unknown as Extractor;
  } finally {
    sessions.create = create;
  }
}
