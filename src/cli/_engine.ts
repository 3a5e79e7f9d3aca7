import type { Engine } from "../answer/types.js";
import { ensureIndex, type LoadedIndex } from "../build/index.js";
import type { Config } from "../config.js";
import { createEngine } from "../engine/index.js";
import { createProgressReporter } from "./_progress.js";

/** Loads (building when needed, with a progress bar on stderr) the answering engine; prints why not and returns null on failure. */
export async function openEngine(config: Config): Promise<Engine | null> {
  const progress = createProgressReporter();
  const engine = await createEngine(config, { onProgress: progress.note, onStep: progress.step });
  progress.finish();
  if (!engine.ok) {
    process.stderr.write(`无法启动问答引擎 engine unavailable [${engine.error.code}]: ${engine.error.message}\n`);
    return null;
  }
  return engine.value;
}

/**
 * Loads the index, bringing it up to date first, with progress on stderr (`verify`: check every
 * stored document against its hashes; `force`: re-assemble from the artefacts); prints why not and
 * returns null on failure.
 */
export async function openIndex(config: Config, opts: { verify?: boolean; force?: boolean } = {}): Promise<LoadedIndex | null> {
  const progress = createProgressReporter();
  const r = await ensureIndex(config, { ...opts, onProgress: progress.note, onStep: progress.step });
  progress.finish();
  if (!r.ok) {
    process.stderr.write(`无法建立索引 cannot build the index [${r.error.code}]: ${r.error.message}\n`);
    return null;
  }
  return r.value;
}
