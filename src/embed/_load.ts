import { MODEL_ID } from "./_files.js";

/** The part of a transformers.js feature-extraction pipeline we call. */
export type Extractor = (
  texts: string[],
  opts: { pooling: "cls"; normalize: true },
) => Promise<{ data: Float32Array | number[]; dims: number[] }>;

/**
 * Opens the feature-extraction pipeline. `remote` lets transformers.js download from the hub into
 * `modelDir` (same layout as the local cache); otherwise only files under `modelDir` are read.
 */
export async function openExtractor(modelDir: string, remote: boolean): Promise<Extractor> {
  // Imported lazily: onnxruntime is heavy and keyword-only runs never need it.
  const { env, pipeline } = await import("@xenova/transformers");
  env.localModelPath = modelDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = remote;
  env.cacheDir = modelDir;
  env.useFSCache = remote;
  const pipe = await pipeline("feature-extraction", MODEL_ID, { quantized: true });
  return pipe as unknown as Extractor;
}
